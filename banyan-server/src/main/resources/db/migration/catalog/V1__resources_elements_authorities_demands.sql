-- The catalog (政务数据资源目录): data elements, resources and their fields, history, authorities, demands.
-- Departments and users live in the identity module; they are referenced by id / username only.

create table data_element (
    code          text primary key,
    name_zh       text not null,
    name_en       text not null,
    data_type     text not null,
    format        text,
    standard      text,
    subject_type  text not null,
    aliases       text not null default ''
);

create table resource (
    id                bigserial primary key,
    code              text not null unique,
    name_zh           text not null,
    name_en           text,
    provider_id       bigint not null,
    summary           text,
    domain            text,
    format            text,
    update_cycle      text,
    source_system     text,
    release_date      date,
    share_type        text not null,
    share_conditions  text,
    share_legal_basis text,
    open_type         text not null,
    grade             text not null,
    status            text not null,
    version           int not null,
    review_comment    text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index resource_provider on resource (provider_id);
create index resource_status on resource (status);

create table resource_field (
    resource_id          bigint not null references resource (id) on delete cascade,
    position             int not null,
    name                 text not null,
    data_type            text not null,
    description          text,
    is_key               boolean not null,
    data_element         text references data_element (code),
    personal_information text not null,
    grade                text not null,
    authoritative        boolean not null,
    primary key (resource_id, position)
);
create index resource_field_element on resource_field (data_element);

create table resource_version (
    id          bigserial primary key,
    resource_id bigint not null references resource (id) on delete cascade,
    version     int not null,
    action      text not null,
    actor       text not null,
    at          timestamptz not null,
    reason      text
);
create index resource_version_resource on resource_version (resource_id, id);

create table resource_change (
    version_id bigint not null references resource_version (id) on delete cascade,
    position   int not null,
    path       text not null,
    before     text,
    after      text,
    primary key (version_id, position)
);

create table data_authority (
    data_element  text not null references data_element (code),
    subject_type  text not null,
    department_id bigint not null,
    assigned_by   text not null,
    assigned_at   timestamptz not null,
    reason        text,
    primary key (data_element, subject_type)
);

create table data_authority_history (
    id                     bigserial primary key,
    data_element           text not null,
    subject_type           text not null,
    previous_department_id bigint,
    department_id          bigint not null,
    changed_by             text not null,
    changed_at             timestamptz not null,
    reason                 text
);

create table demand_request (
    id                   bigserial primary key,
    requester_id         bigint not null,
    owner_id             bigint,
    resource_id          bigint references resource (id),
    title                text not null,
    purpose              text not null,
    legal_basis          text not null,
    filed_by             text not null,
    filed_at             timestamptz not null,
    deadline             timestamptz not null,
    answer               text,
    answer_resource_id   bigint references resource (id),
    answer_publish_by    date,
    answer_reason        text,
    answered_by          text,
    answered_at          timestamptz
);
create index demand_request_owner on demand_request (owner_id);
create index demand_request_requester on demand_request (requester_id);

-- The seed library of common data elements; later modules attach their rules to these codes.
insert into data_element (code, name_zh, name_en, data_type, format, standard, subject_type, aliases) values
('DE0001', '公民身份号码', 'Citizen identity number', 'string', 'c18', 'GB 11643-1999', 'PERSON', '身份证 身份证号 身份证号码 居民身份证 证件号码 ID card number'),
('DE0002', '姓名', 'Name', 'string', 'c..50', 'GB/T 2261', 'PERSON', '名字 人员姓名 full name'),
('DE0003', '性别', 'Sex', 'string', 'n1', 'GB/T 2261.1-2003', 'PERSON', '性别代码 gender'),
('DE0004', '出生日期', 'Date of birth', 'date', 'YYYY-MM-DD', 'GB/T 7408', 'PERSON', '生日 出生年月 birthday'),
('DE0005', '民族', 'Ethnicity', 'string', 'n2', 'GB/T 3304-1991', 'PERSON', '民族代码 nationality'),
('DE0006', '联系电话', 'Telephone number', 'string', 'an..20', 'GB/T 33536', 'PERSON', '手机号 手机号码 电话 mobile phone'),
('DE0007', '户籍地址', 'Registered residence address', 'string', 'c..200', null, 'PERSON', '户口所在地 户籍所在地 住址 address'),
('DE0008', '婚姻状况', 'Marital status', 'string', 'n2', 'GB/T 2261.2-2003', 'PERSON', '婚姻登记 婚否 marriage'),
('DE0009', '死亡日期', 'Date of death', 'date', 'YYYY-MM-DD', 'GB/T 7408', 'PERSON', '死亡时间 death'),
('DE0010', '统一社会信用代码', 'Unified social credit code', 'string', 'c18', 'GB 32100-2015', 'LEGAL_ENTITY', '信用代码 社会信用代码 营业执照号 USCC credit code'),
('DE0011', '单位名称', 'Organisation name', 'string', 'c..200', null, 'LEGAL_ENTITY', '企业名称 机构名称 公司名称 company name'),
('DE0012', '法定代表人', 'Legal representative', 'string', 'c..50', null, 'LEGAL_ENTITY', '法人代表 法人 legal person'),
('DE0013', '注册资本', 'Registered capital', 'decimal', 'n..18,6', null, 'LEGAL_ENTITY', '注册资金 registered capital'),
('DE0014', '成立日期', 'Date of establishment', 'date', 'YYYY-MM-DD', 'GB/T 7408', 'LEGAL_ENTITY', '设立日期 注册日期 founding date'),
('DE0015', '经营范围', 'Business scope', 'string', 'c..4000', null, 'LEGAL_ENTITY', '经营项目 business scope'),
('DE0016', '行政区划代码', 'Administrative division code', 'string', 'n6', 'GB/T 2260', 'PLACE', '区划代码 行政区代码 地区代码 division code'),
('DE0017', '不动产单元号', 'Real-estate unit number', 'string', 'c28', 'GB/T 37346-2019', 'PROPERTY', '不动产单元 房产编号 产权证号 property unit'),
('DE0018', '房屋坐落', 'Property location', 'string', 'c..200', null, 'PROPERTY', '房屋地址 坐落地址 location'),
('DE0019', '建筑面积', 'Floor area', 'decimal', 'n..10,2', null, 'PROPERTY', '面积 房屋面积 floor area'),
('DE0020', '机动车号牌号码', 'Licence plate number', 'string', 'c..10', 'GA 36', 'VEHICLE', '车牌 车牌号 号牌 licence plate'),
('DE0021', '社会保障号码', 'Social security number', 'string', 'c18', 'GB 11643-1999', 'PERSON', '社保号 社保卡号 社会保障卡 social security'),
('DE0022', '医保缴费基数', 'Medical-insurance contribution base', 'decimal', 'n..12,2', null, 'PERSON', '医保基数 缴费基数 medical insurance'),
('DE0023', '公积金账号', 'Housing provident fund account', 'string', 'an..20', null, 'PERSON', '公积金 住房公积金账户 provident fund'),
('DE0024', '学籍号', 'Student number', 'string', 'c..19', null, 'PERSON', '学生编号 学号 student id'),
('DE0025', '纳税人识别号', 'Taxpayer identification number', 'string', 'an..20', 'GB 32100-2015', 'LEGAL_ENTITY', '税号 纳税识别号 tax id'),
('DE0026', '疫苗接种记录', 'Vaccination record', 'string', 'c..200', null, 'PERSON', '接种记录 预防接种 vaccination'),
('DE0027', '邮政编码', 'Postal code', 'string', 'n6', 'GB/T 2260', 'PLACE', '邮编 postcode zip'),
('DE0028', '日期', 'Date', 'date', 'YYYY-MM-DD', 'GB/T 7408', 'PLACE', '时间 date');
