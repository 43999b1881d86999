-- Thái Nguyên's 2017–2020 replication plan (Decision 957 of the province, under the Prime
-- Minister's Decision 1533/QĐ-TTg): at least 400 clubs, 15,000 older people, 2 billion VND.
insert into programme (code, name, starts_on, ends_on, legal_basis) values
    ('TN-ISHC-2017-2020',
     'Nhân rộng mô hình Câu lạc bộ Liên thế hệ tự giúp nhau tỉnh Thái Nguyên giai đoạn 2017–2020',
     '2017-01-01', '2020-12-31',
     'Quyết định 957 của UBND tỉnh Thái Nguyên; Quyết định 1533/QĐ-TTg của Thủ tướng Chính phủ');
insert into programme_target (programme_code, area_code, clubs, older_members, contributions_vnd) values
    ('TN-ISHC-2017-2020', '19', 400, 15000, 2000000000);
