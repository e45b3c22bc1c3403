-- Ingest jobs (采集任务): a source bound to a catalog resource with a confirmed field mapping, run by hand or on a
-- cron schedule. Each run is a batch; an incremental JDBC job resumes from the high watermark of its last landed
-- batch, which is stored with that batch in the same transaction as its rows.
create table job (
    id              bigserial primary key,
    name            text        not null,
    resource_code   text        not null,
    source_type     text        not null,
    source_location text        not null,
    source_options  jsonb       not null default '{}',  -- option key → value; an env: placeholder is read from the environment
    field_mapping   jsonb       not null,               -- field name → source column, as confirmed by a person
    schedule        text,                               -- cron expression; null: by hand only
    enabled         boolean     not null default true,
    next_run_at     timestamptz,
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index job_due on job (next_run_at) where enabled and schedule is not null;

alter table batch add column job_id bigint references job (id);
alter table batch add column high_watermark text;
create index batch_by_job on batch (job_id, id desc) where job_id is not null;
