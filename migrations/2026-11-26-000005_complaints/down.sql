DROP TABLE complaint_events;
DROP TABLE complaints;
DROP SEQUENCE complaint_numbers;
DROP TABLE complaint_categories;
DROP TABLE organisation_members;
