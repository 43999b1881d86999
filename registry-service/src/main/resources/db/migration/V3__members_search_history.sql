-- Members of clubs, free-text search on club names, and the change history of clubs and members.

-- lower-case, without Vietnamese diacritics ("tuc duyen" finds "Túc Duyên")
alter table club add column search_name varchar(200);
-- Backfill with the same folding the service applies (SearchText.fold) to names written before.
update club set search_name = translate(lower(name),
    'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
    'aaaaeeeiioooouuyadiuouaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy');
alter table club alter column search_name set not null;
create index club_search_name on club (search_name);

create table member (
    id                     uuid primary key,
    club_id                uuid         not null references club (id),
    full_name              varchar(200) not null,
    -- folded full name, to find the same person registered in another club
    search_name            varchar(200) not null,
    gender                 varchar(10)  not null check (gender in ('FEMALE', 'MALE')),
    birth_date             date,
    birth_year             integer,
    household_status       varchar(10)  not null check (household_status in ('POOR', 'NEAR_POOR', 'HARDSHIP', 'NONE')),
    household_status_year  integer,
    ethnic_minority        boolean,
    phone                  varchar(20),
    joined_on              date         not null,
    left_on                date,
    departure_reason       varchar(500),
    status                 varchar(10)  not null check (status in ('ACTIVE', 'LEFT')),
    version                bigint       not null,
    created_at             timestamptz  not null,
    created_by             varchar(200) not null,
    updated_at             timestamptz  not null,
    updated_by             varchar(200) not null,
    check (birth_date is not null or birth_year is not null),
    check (left_on is null or left_on >= joined_on)
);
create index member_club on member (club_id, status);
create index member_person on member (search_name, birth_date);

-- Who changed what and when, for a club and its members. Personal values appear here, so the
-- history is readable only by those who may read the club's personal data.
create table change_log (
    id          bigserial primary key,
    club_id     uuid         not null references club (id),
    entity      varchar(10)  not null check (entity in ('CLUB', 'MEMBER')),
    entity_id   uuid         not null,
    action      varchar(20)  not null,
    changes     text         not null,
    actor       varchar(200) not null,
    occurred_at timestamptz  not null
);
create index change_log_club on change_log (club_id, id);
