-- NukeViet 4.x tables that `pnpm bench:import` fills (prefix nv4, language vi, news module data
-- "news", documents module data "laws"). Column definitions follow NukeViet 4's own installer
-- (modules/news/action_mysql.php, includes/action_mysql.php); the documents (laws) module is
-- described from the issue's schema facts. bench/import.ts names this file in one place (SCHEMA_SQL).
SET NAMES utf8mb4;

CREATE TABLE nv4_config (
  lang varchar(3) NOT NULL DEFAULT 'sys',
  module varchar(50) NOT NULL DEFAULT 'global',
  config_name varchar(30) NOT NULL DEFAULT '',
  config_value text,
  UNIQUE KEY lang (lang, module, config_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_modules (
  title varchar(50) NOT NULL,
  module_file varchar(50) NOT NULL DEFAULT '',
  module_data varchar(50) NOT NULL DEFAULT '',
  module_upload varchar(50) NOT NULL DEFAULT '',
  module_theme varchar(50) NOT NULL DEFAULT '',
  custom_title varchar(255) NOT NULL,
  admin_title varchar(255) DEFAULT '',
  set_time int(11) unsigned NOT NULL DEFAULT '0',
  main_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  admin_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  theme varchar(100) DEFAULT '',
  mobile varchar(100) DEFAULT '',
  description varchar(255) DEFAULT '',
  keywords text,
  groups_view varchar(255) NOT NULL,
  weight tinyint(3) unsigned NOT NULL DEFAULT '1',
  act tinyint(1) unsigned NOT NULL DEFAULT '0',
  admins varchar(255) DEFAULT '',
  rss tinyint(4) NOT NULL DEFAULT '1',
  sitemap tinyint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_cat (
  catid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(5) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL,
  titlesite varchar(250) DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  description text,
  descriptionhtml text,
  image varchar(255) DEFAULT '',
  viewdescription tinyint(2) NOT NULL DEFAULT '0',
  weight smallint(5) unsigned NOT NULL DEFAULT '0',
  sort smallint(5) NOT NULL DEFAULT '0',
  lev smallint(5) NOT NULL DEFAULT '0',
  viewcat varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
  numsubcat smallint(5) NOT NULL DEFAULT '0',
  subcatid varchar(255) DEFAULT '',
  inhome tinyint(1) unsigned NOT NULL DEFAULT '0',
  numlinks tinyint(2) unsigned NOT NULL DEFAULT '3',
  newday tinyint(2) unsigned NOT NULL DEFAULT '2',
  featured int(11) NOT NULL DEFAULT '0',
  ad_block_cat varchar(255) NOT NULL DEFAULT '',
  keywords text,
  admins text,
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  groups_view varchar(255) DEFAULT '',
  status smallint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (catid),
  UNIQUE KEY alias (alias),
  KEY parentid (parentid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_sources (
  sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  link varchar(255) DEFAULT '',
  logo varchar(255) DEFAULT '',
  weight mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL,
  edit_time int(11) unsigned NOT NULL,
  PRIMARY KEY (sourceid),
  UNIQUE KEY title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_rows (
  id int(11) unsigned NOT NULL AUTO_INCREMENT,
  catid smallint(5) unsigned NOT NULL DEFAULT '0',
  listcatid varchar(255) NOT NULL DEFAULT '',
  topicid smallint(5) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  author varchar(250) DEFAULT '',
  sourceid mediumint(8) NOT NULL DEFAULT '0',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  edittime int(11) unsigned NOT NULL DEFAULT '0',
  status tinyint(4) NOT NULL DEFAULT '1',
  weight int(11) unsigned NOT NULL DEFAULT '0',
  publtime int(11) unsigned NOT NULL DEFAULT '0',
  exptime int(11) unsigned NOT NULL DEFAULT '0',
  archive tinyint(1) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  hometext text NOT NULL,
  homeimgfile varchar(255) DEFAULT '',
  homeimgalt varchar(255) DEFAULT '',
  homeimgthumb tinyint(4) NOT NULL DEFAULT '0',
  inhome tinyint(1) unsigned NOT NULL DEFAULT '0',
  allowed_comm varchar(255) DEFAULT '',
  allowed_rating tinyint(1) unsigned NOT NULL DEFAULT '0',
  external_link tinyint(1) unsigned NOT NULL DEFAULT '0',
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT '0',
  hitscm mediumint(8) unsigned NOT NULL DEFAULT '0',
  total_rating int(11) NOT NULL DEFAULT '0',
  click_rating int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  KEY catid (catid),
  KEY publtime (publtime),
  KEY status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_detail (
  id int(11) unsigned NOT NULL,
  titlesite varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  bodyhtml longtext NOT NULL,
  keywords varchar(255) DEFAULT '',
  sourcetext varchar(255) DEFAULT '',
  files text,
  imgposition tinyint(1) NOT NULL DEFAULT '1',
  copyright tinyint(1) NOT NULL DEFAULT '0',
  allowed_send tinyint(1) NOT NULL DEFAULT '0',
  allowed_print tinyint(1) NOT NULL DEFAULT '0',
  allowed_save tinyint(1) NOT NULL DEFAULT '0',
  gid mediumint(8) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_tags (
  tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  numnews mediumint(8) NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description text,
  keywords varchar(255) DEFAULT '',
  PRIMARY KEY (tid),
  UNIQUE KEY alias (alias)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_news_tags_id (
  id int(11) NOT NULL,
  tid mediumint(9) NOT NULL,
  keyword varchar(65) NOT NULL,
  UNIQUE KEY id_tid (id, tid),
  KEY tid (tid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_cat (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  parentid mediumint(8) unsigned NOT NULL DEFAULT '0',
  alias varchar(250) NOT NULL DEFAULT '',
  title varchar(250) NOT NULL DEFAULT '',
  introduction text,
  keywords text,
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_subject (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  alias varchar(250) NOT NULL DEFAULT '',
  title varchar(250) NOT NULL DEFAULT '',
  introduction text,
  keywords text,
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_signer (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  offices varchar(250) NOT NULL DEFAULT '',
  positions varchar(250) NOT NULL DEFAULT '',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_area (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  parentid mediumint(8) unsigned NOT NULL DEFAULT '0',
  alias varchar(250) NOT NULL DEFAULT '',
  title varchar(250) NOT NULL DEFAULT '',
  introduction text,
  keywords text,
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  weight smallint(4) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_row (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  replacement varchar(255) NOT NULL DEFAULT '',
  relatement varchar(255) NOT NULL DEFAULT '',
  title varchar(255) NOT NULL,
  alias varchar(255) NOT NULL,
  code varchar(50) NOT NULL,
  area_ids varchar(255) NOT NULL DEFAULT '',
  cid mediumint(8) unsigned NOT NULL DEFAULT '0',
  sid mediumint(8) unsigned NOT NULL DEFAULT '0',
  sgid mediumint(8) unsigned NOT NULL DEFAULT '0',
  note text,
  introtext text,
  bodytext mediumtext,
  keywords text,
  groups_view varchar(255) NOT NULL DEFAULT '6',
  groups_download varchar(255) NOT NULL DEFAULT '6',
  files text,
  status tinyint(1) unsigned NOT NULL DEFAULT '1',
  approval tinyint(1) unsigned NOT NULL DEFAULT '1',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  edittime int(11) unsigned NOT NULL DEFAULT '0',
  publtime int(11) unsigned NOT NULL DEFAULT '0',
  start_comm_time int(11) unsigned NOT NULL DEFAULT '0',
  end_comm_time int(11) unsigned NOT NULL DEFAULT '0',
  startvalid int(11) unsigned NOT NULL DEFAULT '0',
  exptime int(11) unsigned NOT NULL DEFAULT '0',
  view_hits int(11) unsigned NOT NULL DEFAULT '0',
  download_hits int(11) unsigned NOT NULL DEFAULT '0',
  admin_add mediumint(8) unsigned NOT NULL DEFAULT '0',
  admin_edit mediumint(8) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY alias (alias),
  KEY cid (cid),
  KEY sid (sid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_laws_row_area (
  row_id mediumint(8) unsigned NOT NULL,
  area_id mediumint(8) unsigned NOT NULL,
  UNIQUE KEY row_area (row_id, area_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_vi_comment (
  cid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  module varchar(50) NOT NULL,
  area int(11) NOT NULL DEFAULT '0',
  id int(11) unsigned NOT NULL DEFAULT '0',
  pid mediumint(8) unsigned NOT NULL DEFAULT '0',
  content text NOT NULL,
  attach varchar(255) NOT NULL DEFAULT '',
  post_time int(11) unsigned NOT NULL DEFAULT '0',
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  post_name varchar(100) NOT NULL,
  post_email varchar(100) NOT NULL,
  post_ip varchar(39) NOT NULL,
  status tinyint(1) unsigned NOT NULL DEFAULT '0',
  likes mediumint(9) NOT NULL DEFAULT '0',
  dislikes mediumint(9) NOT NULL DEFAULT '0',
  PRIMARY KEY (cid),
  KEY mod_id (module, area, id),
  KEY post_time (post_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE nv4_counter (
  c_type varchar(100) NOT NULL,
  c_val varchar(100) NOT NULL,
  last_update int(11) NOT NULL DEFAULT '0',
  c_count int(11) unsigned NOT NULL DEFAULT '0',
  vi_count int(11) unsigned NOT NULL DEFAULT '0',
  UNIQUE KEY c_type (c_type, c_val)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
