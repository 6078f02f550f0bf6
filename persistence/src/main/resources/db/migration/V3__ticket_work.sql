-- The agent's work on a ticket (issue 6, R2.5/R4.3): a category and notes beside the status.
alter table ticket add column category varchar(64);
alter table ticket add column note varchar(4000);
