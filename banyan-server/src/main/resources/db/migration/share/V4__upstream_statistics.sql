-- Sharing statistics (共享统计): daily figures of the call log, so that statistics over months read thousands of rows
-- instead of the millions of calls behind them (the exchange logs about 150 million calls over its life).

-- One row per day (China time), service, consumer department, outcome and status. Written by the rollup job for
-- closed days only, and a day is recomputed by replacing all its rows, so rolling up twice changes nothing. A day
-- without a row in call_daily_rollup (today, always) is computed from call_log when asked.
create table call_daily (
    day             date       not null,
    service_code    text       not null,
    department      text       not null,   -- the consumer department's code; empty when the caller was not identified
    outcome         text       not null,
    status          int        not null,
    calls           bigint     not null,
    row_count       bigint     not null,
    latency_sum_us  bigint     not null,
    latency_max_us  int        not null,
    -- a sparse latency histogram: latency_counts[i] calls fell in bucket latency_buckets[i], bucket b holding the
    -- latencies from 2 to the power b/8 microseconds up to the next bucket (eight buckets per doubling, so a
    -- percentile read from it is within about 4.5 % of the exact one)
    latency_buckets smallint[] not null,
    latency_counts  bigint[]   not null,
    primary key (day, service_code, department, outcome, status)
);
create index call_daily_service on call_daily (service_code, day);
create index call_daily_department on call_daily (department, day);

-- The days rolled up: a day listed here is read from call_daily, any other from call_log.
create table call_daily_rollup (
    day       date        primary key,
    calls     bigint      not null,
    rolled_at timestamptz not null
);
