-- An imported contribution without a receipt number is matched on a re-import by the row key its
-- file gave it ("Mã dòng"): one key names one contribution in a district's book, as a receipt does.
alter table contribution add column row_key varchar(100);
create unique index contribution_row_key_per_district on contribution (coalesce(district_code, '-'), row_key)
    where row_key is not null;
