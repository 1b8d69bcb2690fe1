// The routes operators' machines call, and what they are spared: a busy process must not be
// restarted for failing its liveness probe, and monitoring must see why it is busy.
export const LIVENESS_PATH = '/healthz'
export const READINESS_PATH = '/readyz'
export const METRICS_PATH = '/metrics'

/** Never rate limited, never cached (matched by route, so a query string changes nothing). */
export const OPERATOR_ROUTES = new Set([LIVENESS_PATH, READINESS_PATH, METRICS_PATH])

/** Answered under pressure; readiness is not, so that load balancers drain a busy process. */
export const NEVER_SHED_ROUTES = new Set([LIVENESS_PATH, METRICS_PATH])
