-- A provider's (centre's) year report reads its entries by organisation and date (issue 12 bench).
create index learning_entry_provider on learning_entry (provider_org_id, start_date);
