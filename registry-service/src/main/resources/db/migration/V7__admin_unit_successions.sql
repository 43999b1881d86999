-- Which unit(s) took over a unit's territory when one of its periods ended by a merger or split
-- (decision 0013). A code is reused by later units, so the old unit is named by its code and the
-- day its period ended; the successor is the period of successor_code that starts on that day.
-- A rename or change of type under the same code needs no row: the next period of the code follows.
create table admin_unit_succession (
    code           varchar(5) not null,
    ended_on       date       not null,
    successor_code varchar(5) not null,
    -- false: the old unit was split, and only part of it went to this successor
    whole          boolean    not null,
    primary key (code, ended_on, successor_code)
);
create index admin_unit_succession_successor on admin_unit_succession (successor_code, ended_on);
