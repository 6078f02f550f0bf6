-- Call recording (issue 7 part 5): the call links its WAV file; abusive-call termination keeps it as evidence;
-- each service turns recording on or off and says how many days recordings are kept.
alter table phone_call add column recording_file varchar(500);
alter table phone_call add column recording_started_at timestamp;
alter table phone_call add column recording_kept boolean default false not null;
alter table cti_settings add column recording_enabled boolean default true not null;
alter table cti_settings add column recording_retention_days integer default 365 not null;
