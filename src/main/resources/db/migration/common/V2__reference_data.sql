-- Reference organisation: the two founding agencies, the province and its communes, one unit per agency and
-- area. Administrators extend this (a later issue adds the admin pages). Vietnam has two-tier local government
-- since 1 July 2025: province -> commune/ward; the tree itself is generic.
insert into agency (code, name_vi, name_en, sort_order) values
  ('DANVAN', 'Ban Dân vận Tỉnh ủy', 'Mass Mobilization Board', 1),
  ('CONGAN', 'Công an tỉnh', 'Provincial Police', 2);

insert into area (id, code, name, kind, parent_id, path) values
  (1, 'TINH', 'Tỉnh Tuyên Quang', 'PROVINCE', null, '/1/'),
  (2, 'P-MINHXUAN', 'Phường Minh Xuân', 'WARD', 1, '/1/2/'),
  (3, 'X-YENSON', 'Xã Yên Sơn', 'COMMUNE', 1, '/1/3/'),
  (4, 'X-HAMYEN', 'Xã Hàm Yên', 'COMMUNE', 1, '/1/4/'),
  (5, 'X-CHIEMHOA', 'Xã Chiêm Hóa', 'COMMUNE', 1, '/1/5/');

insert into unit (id, code, name, agency_code, area_id) values
  (1, 'DV-TINH', 'Ban Dân vận Tỉnh ủy', 'DANVAN', 1),
  (2, 'CA-TINH', 'Công an tỉnh', 'CONGAN', 1),
  (3, 'DV-MINHXUAN', 'Khối Dân vận phường Minh Xuân', 'DANVAN', 2),
  (4, 'CA-MINHXUAN', 'Công an phường Minh Xuân', 'CONGAN', 2),
  (5, 'DV-YENSON', 'Khối Dân vận xã Yên Sơn', 'DANVAN', 3),
  (6, 'CA-YENSON', 'Công an xã Yên Sơn', 'CONGAN', 3),
  (7, 'DV-HAMYEN', 'Khối Dân vận xã Hàm Yên', 'DANVAN', 4),
  (8, 'CA-HAMYEN', 'Công an xã Hàm Yên', 'CONGAN', 4),
  (9, 'DV-CHIEMHOA', 'Khối Dân vận xã Chiêm Hóa', 'DANVAN', 5),
  (10, 'CA-CHIEMHOA', 'Công an xã Chiêm Hóa', 'CONGAN', 5);
