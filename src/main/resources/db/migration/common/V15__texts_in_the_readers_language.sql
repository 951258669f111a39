-- Timeline entries and notifications keep their words as message keys with arguments (JSON), rendered in the
-- reader's language; the Vietnamese columns stay for exports and for rows written before.
alter table timeline_entry add column title_text varchar(4000);
alter table notification add column message varchar(4000);
