Lifeboat: ${plan.name} waits for approval of ${step.id}

The ${run.mode} ${run.id} of plan ${plan.name} waits at step ${step.id} (stage ${step.stage}): ${params.message}.

Plan: ${plan.title}
Launched by: ${run.launcher}

Approve (or reject, with a comment) through the API:
  POST ${params.runUrl}/steps/${step.id}/approve   (or /reject) with {"comment": "..."}
or the command line:
  java -jar lifeboat.jar approve ${run.id} ${step.id} --comment "..."   (add --reject to reject)
