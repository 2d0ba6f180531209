-- Issue 12: a "Công dân học tập" evaluation may name the resident's pseudonymous register id, so that its automatic
-- criterion 1.2 reads hours and courses from the lifelong learning record (learning_entry) instead of asking again.
alter table titles_evaluation add column person_id varchar(100);
