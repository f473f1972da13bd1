DROP TABLE calendar_days;
DROP TABLE complaint_extensions;
DROP TABLE complaint_attachments;
