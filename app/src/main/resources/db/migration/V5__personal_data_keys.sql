-- One key per data subject (a household, a dispute). Erasure deletes the key material and keeps the row, so
-- the subject's personal data in the immutable events stays unreadable for good.
create table personal_data_key (
    subject_id     varchar(255)             not null primary key,
    key_material   bytea,
    created_at     timestamp with time zone not null,
    erased_at      timestamp with time zone,
    erasure_reason varchar(500)
);
