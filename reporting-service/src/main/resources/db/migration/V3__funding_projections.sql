-- Projections of funding's events: contributions (what was received, when, where, for which
-- pledge) and pledges (what was promised, and whether it was cancelled).
alter table contribution add column form varchar(10);
alter table contribution add column pledge_id uuid;
create index contribution_district_received on contribution (district_code, received_on);
create index contribution_pledge on contribution (pledge_id) where pledge_id is not null;

create table pledge (
    id            uuid primary key,
    version       bigint      not null,
    district_code varchar(5),
    amount_vnd    bigint      not null check (amount_vnd > 0),
    pledged_on    date        not null,
    cancelled_on  date
);
