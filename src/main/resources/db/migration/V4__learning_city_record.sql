-- A fact recorded by the city: Hà Nội joined UNESCO's Global Network of Learning Cities on 4/12/2025
-- (docs: unesco-gnlc.md, regulations.md §4, secondary sources vietnamplus.vn, vneconomy.vn), which
-- fulfils the NQ 23 target "Đăng ký danh hiệu Thành phố học tập" (model.learning_city, status 1 = registered).
insert into indicator_value (indicator_id, unit_code, year, numerator, denominator, value, source, estimated)
values ('model.learning_city', '01', 2025, null, null, 1,
        'UNESCO GNLC: Hà Nội là thành viên từ 4/12/2025 (nguồn thứ cấp) / member since 4/12/2025 (secondary source)', false)
on conflict do nothing;
