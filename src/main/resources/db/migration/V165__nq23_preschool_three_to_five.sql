-- Issue 15: from data year 2025 pcgd.mn5_units takes its status from the standard for children aged 3–5 of Nghị quyết
-- 218/2025/QH15 and Nghị định 277/2025/NĐ-CP (rule set nd277-2025, standards/nd277-2025-v1.rules); the 5-year-old
-- standard of Nghị định 20/2014 gives it up to 2024 and stays beside it. The re-based wording seeded by V106 said the
-- target is measured with the 5-year-old standard only; rows with that wording are corrected, a wording an
-- administrator changed is left alone.
update indicator_target
   set rebased_vi = 'Xã, phường duy trì đạt chuẩn PCGD mầm non (tính trên xã, phường từ 1/7/2025; đến năm số liệu 2024 theo chuẩn trẻ em 5 tuổi của NĐ 20/2014, từ năm số liệu 2025 theo chuẩn trẻ em 3–5 tuổi của NĐ 277/2025)'
 where indicator_id = 'pcgd.mn5_units'
   and rebased_vi = 'Xã, phường duy trì đạt chuẩn PCGD mầm non (đo bằng chuẩn cho trẻ em 5 tuổi của NĐ 20/2014; tính trên xã, phường từ 1/7/2025)';
