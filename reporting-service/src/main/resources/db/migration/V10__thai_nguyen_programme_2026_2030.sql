-- Thái Nguyên's 2026–2030 programme, the first run on the map after the 2025 reform: its areas are
-- the province's communes. No targets here: the province sets them through the API.
insert into programme (code, name, starts_on, ends_on) values
    ('TN-ISHC-2026-2030',
     'Chương trình CLB Liên thế hệ tự giúp nhau tỉnh Thái Nguyên giai đoạn 2026–2030',
     '2026-01-01', '2030-12-31');

-- Figures that depend on the programme start (clubs maintained, money received) are kept per
-- distinct start: compute them again at the next start, now that 2026-01-01 is one.
update progress_revision set built = false;
