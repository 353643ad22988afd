-- What the stored unexpected_municipality flags were last brought in line with: a fingerprint of
-- the expected list and the code and contracts that word the flags (`warehouse.expected.basis`).
-- One row; a run compares it with the fingerprint now, so the quarters whose flags an edit of the
-- list changed are looked for (a scan of every current row) only after an edit, not on every run.
create table core.expected_basis (
    fingerprint varchar not null,
    marked_at timestamp not null   -- UTC
);
