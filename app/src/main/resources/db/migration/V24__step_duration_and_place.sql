-- A mediation step records how long it took, its venue and the place (MediationStepRecorded revision 2). Steps
-- recorded before have no duration or place; their venue is the one their kind implies (or NOT_RECORDED), set when
-- the read model is rebuilt from the events.
alter table case_entry add column duration_minutes integer;
alter table case_entry add column venue varchar(20);
alter table case_entry add column place varchar(200);
update case_entry
   set venue = case step_kind when 'HOME_VISIT' then 'PARTY_HOME' when 'PHONE_CALL' then 'BY_PHONE' else 'NOT_RECORDED' end
 where kind = 'STEP';
