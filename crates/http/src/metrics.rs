//! Prometheus metrics: request counts and latency histograms by route template and
//! status, and the database pool's state.

use std::{collections::BTreeMap, fmt::Write, sync::Mutex, time::Instant};

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    middleware::Next,
    web,
};
use linli_persistence::Db;

use crate::state::AppState;

/// Latency bucket bounds in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Debug, Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Request metrics shared by every worker.
#[derive(Debug, Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    /// Records one finished request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut series) = self.series.lock() else {
            return;
        };
        let s = series
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if seconds <= *bound {
                s.buckets[i] += 1;
            }
        }
    }

    /// The exposition text (Prometheus format 0.0.4); `backlog` is (unsequenced events,
    /// pending webhook deliveries) when the database could be asked.
    pub fn render(&self, db: &Db, backlog: Option<(i64, i64)>) -> String {
        let mut out = String::new();
        let series = self.series.lock().map(|s| s.clone()).unwrap_or_default();
        out.push_str("# HELP linli_http_requests_total HTTP requests by method, route template and status.\n");
        out.push_str("# TYPE linli_http_requests_total counter\n");
        for ((method, route, status), s) in &series {
            let _ = writeln!(
                out,
                "linli_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}",
                s.count
            );
        }
        out.push_str("# HELP linli_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE linli_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in &series {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (i, bound) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "linli_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "linli_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "linli_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "linli_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        let pool = db.status();
        out.push_str("# HELP linli_db_pool_connections Database connections by state.\n");
        out.push_str("# TYPE linli_db_pool_connections gauge\n");
        let _ = writeln!(
            out,
            "linli_db_pool_connections{{state=\"in_use\"}} {}",
            pool.size.saturating_sub(pool.available)
        );
        let _ = writeln!(
            out,
            "linli_db_pool_connections{{state=\"idle\"}} {}",
            pool.available
        );
        out.push_str("# HELP linli_db_pool_waiting Requests waiting for a database connection.\n");
        out.push_str("# TYPE linli_db_pool_waiting gauge\n");
        let _ = writeln!(out, "linli_db_pool_waiting {}", pool.waiting);
        out.push_str("# HELP linli_db_pool_max Most database connections the pool opens.\n");
        out.push_str("# TYPE linli_db_pool_max gauge\n");
        let _ = writeln!(out, "linli_db_pool_max {}", pool.max_size);
        if let Some((events, deliveries)) = backlog {
            out.push_str("# HELP linli_outbox_unsequenced_events Committed events not yet given a feed position.\n");
            out.push_str("# TYPE linli_outbox_unsequenced_events gauge\n");
            let _ = writeln!(out, "linli_outbox_unsequenced_events {events}");
            out.push_str("# HELP linli_webhook_pending_deliveries Webhook deliveries waiting to be sent or retried.\n");
            out.push_str("# TYPE linli_webhook_pending_deliveries gauge\n");
            let _ = writeln!(out, "linli_webhook_pending_deliveries {deliveries}");
        }
        out
    }
}

/// Middleware: times every request and records it under its route template.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    if let Some(state) = state {
        // Templates, never raw paths, so ids do not explode the label set.
        let route = res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        state.metrics.observe(
            &method,
            &route,
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative() {
        let m = Metrics::default();
        m.observe("GET", "/x", 200, 0.003);
        m.observe("GET", "/x", 200, 0.2);
        let series = m.series.lock().map(|s| s.clone()).unwrap_or_default();
        let s = &series[&("GET".to_owned(), "/x".to_owned(), 200)];
        assert_eq!(s.count, 2);
        assert_eq!(s.buckets[0], 0);
        assert_eq!(s.buckets[2], 1); // <= 5 ms
        assert_eq!(s.buckets[7], 2); // <= 250 ms
    }
}
