-- Batch verification (批量核验): a consumer uploads up to millions of subjects for one verification service and later
-- downloads one result per subject (yes, no or invalid, with a reason code). The subjects and the results are files
-- under the data directory (share/verification/); this table is their register and survives a restart: a batch found
-- QUEUED or RUNNING when the server starts is run (again) under the same id.
create table verification_batch (
    id              bigserial   primary key,
    service_code    text        not null,
    service_id      bigint      not null,   -- the service version (share.service.id) the batch is verified against
    service_version int         not null,
    client_id       text,                   -- the machine client whose grant it uses; null when a person uploaded it
    grant_id        bigint,
    department_id   bigint      not null,   -- the consumer department
    submitted_by    text        not null,   -- evidence actor: client:<id> or user:<name>
    status          text        not null,   -- QUEUED, RUNNING, DONE, FAILED
    input_path      text        not null,
    input_name      text,
    subjects        bigint      not null default 0,
    processed       bigint      not null default 0,
    yes_count       bigint      not null default 0,
    no_count        bigint      not null default 0,
    invalid_count   bigint      not null default 0,
    result_path     text,
    sha256          text,                   -- of the result file, hex
    error           text,
    attempts        int         not null default 0,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index verification_batch_service on verification_batch (service_code, id desc);
create index verification_batch_department on verification_batch (department_id, id desc);
create index verification_batch_open on verification_batch (id) where status in ('QUEUED', 'RUNNING');
