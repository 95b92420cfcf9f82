Lifeboat: ${run.mode} of ${plan.name} started (${params.titleLine})

The ${run.mode} ${run.id} of plan ${plan.name} started, launched by ${run.launcher}.

Plan: ${plan.title}
Owner: ${params.owner}

Follow it: ${params.runUrl}
