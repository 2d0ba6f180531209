-- Whose dossier is it (issue 11, access matrix "own data only"): an organisation's learning-unit dossier belongs to
-- the organisation it was registered for (reporting_organisation), a citizen's dossier to the account that registered
-- it while signed in. Dossiers registered by officers for others have neither and are no one's "own".
alter table titles_evaluation add column subject_organisation_id bigint;
alter table titles_evaluation add column owner_user_id bigint references app_user (id);
create index titles_evaluation_owner on titles_evaluation (owner_user_id) where owner_user_id is not null;
create index titles_evaluation_organisation on titles_evaluation (subject_organisation_id) where subject_organisation_id is not null;
