Lifeboat: ${plan.name} paused at ${step.id}, decide: retry, skip or abort

In the ${run.mode} ${run.id} of plan ${plan.name}, step ${step.id} (stage ${step.stage}) failed and waits for a decision:
${params.message}

Plan: ${plan.title}
Launched by: ${run.launcher}

Decide through the API:
  POST ${params.runUrl}/steps/${step.id}/decide with {"decision": "retry"}, {"decision": "skip", "reason": "..."} or {"decision": "abort"}
or the command line:
  java -jar lifeboat.jar decide ${run.id} ${step.id} retry|skip|abort [--reason "..."]
