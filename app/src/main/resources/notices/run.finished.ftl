Lifeboat: ${run.mode} of ${plan.name} ${run.outcome}<#if params.verdict?has_content>, verdict ${params.verdict}</#if>

The ${run.mode} ${run.id} of plan ${plan.name} ended: ${run.outcome}.
<#if params.verdict?has_content>
Verdict: ${params.verdict}
<#list params.reasons?split("\n") as reason><#if reason?has_content>- ${reason}
</#if></#list>
</#if>

Plan: ${plan.title}
Launched by: ${run.launcher}

Report: ${params.reportUrl}
