Lifeboat: step ${step.id} of ${plan.name} failed

In the ${run.mode} ${run.id} of plan ${plan.name}, step ${step.id} (stage ${step.stage}) failed:
${params.message}

Plan: ${plan.title}
Launched by: ${run.launcher}

Follow the run: ${params.runUrl}
