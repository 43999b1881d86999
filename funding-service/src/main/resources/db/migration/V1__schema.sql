-- funding-service schema. Changed only by new migrations, never by Hibernate.

-- Donors (nhà tài trợ). An individual donor's name and contacts are personal data: they stay in
-- this database and never appear in events.
create table donor (
    id          uuid primary key,
    name        varchar(300) not null,
    -- lower-case, without Vietnamese diacritics: what free-text search compares against
    search_name varchar(300) not null,
    type        varchar(20)  not null check (type in ('INDIVIDUAL', 'BUSINESS', 'ORGANIZATION', 'MASS_ORGANIZATION',
                                                      'GOVERNMENT', 'INTERNATIONAL', 'MEMBER')),
    phone       varchar(20),
    email       varchar(254),
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(200) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(200) not null
);
create index donor_search_name on donor (search_name);
