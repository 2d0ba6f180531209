-- Issue 15: the resolution's wording of pcgd.mn5_units is "100% quận, huyện, thị xã duy trì, giữ vững kết quả phổ cập
-- giáo dục mầm non cho trẻ mẫu giáo" (source/nghi-quyet-23-news-2023-11.txt), not "… cho trẻ em 5 tuổi"; the platform
-- still measures it with the 5-year-old standard of Nghị định 20/2014, as the re-based wording now says. Rows seeded
-- before with the old wording are corrected; a wording an administrator changed is left alone.
update indicator_target
   set wording_vi = 'Quận, huyện, thị xã duy trì, giữ vững kết quả phổ cập giáo dục mầm non cho trẻ mẫu giáo',
       rebased_vi = 'Xã, phường duy trì đạt chuẩn PCGD mầm non (đo bằng chuẩn cho trẻ em 5 tuổi của NĐ 20/2014; tính trên xã, phường từ 1/7/2025)'
 where indicator_id = 'pcgd.mn5_units'
   and wording_vi = 'Quận, huyện, thị xã duy trì đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi';
