DROP TABLE refresh_tokens;
DROP TABLE user_grants;
DROP TABLE users;
DROP TABLE compounds;
DROP TABLE areas;
