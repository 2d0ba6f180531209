-- Issue 19: a citizen's own space. The account a dossier belongs to (a citizen who registered while signed in, or
-- linked by the commune); the citizen reads their own dossier, its status and certificate, nothing else.
alter table titles_evaluation add column owner_username varchar(60);
create index titles_evaluation_owner on titles_evaluation (owner_username) where owner_username is not null;
