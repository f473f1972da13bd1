DROP TABLE service_certificates;
DROP TABLE check_ins;
DROP TABLE signups;
DROP FUNCTION signups_within_capacity() CASCADE;
DROP TABLE activities;
DROP TABLE team_members;
DROP TABLE reports;
ALTER TABLE users DROP COLUMN person_id;
