-- Scenario menus choose a queue (R2.6, issue 7): the call remembers its queue, agents list the queues they answer.
-- (V4 is left to the admin screens' audit trail, built alongside.)
alter table phone_call add column queue varchar(64);
-- comma-separated queue names; null or empty = the agent answers every queue of the service
alter table cti_agent add column queues varchar(1000);
