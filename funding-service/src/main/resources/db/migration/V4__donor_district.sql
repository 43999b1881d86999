-- The district whose officer registered a donor (null: registered by the province). A person who
-- gives is personal data of that district: only its officers and the province see their name and
-- contacts, and only they may change the donor. Organisations stay visible to every officer.
alter table donor add column district_code varchar(5);
create index donor_district on donor (district_code);
