// The documents register (Decree 42/2022/NĐ-CP Art. 4): editable lists of document types, issuers,
// signers and fields; validity dates; links between documents; `kind` kept stable for the API;
// documents stored before the register carried over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFullAccessToken, graphql, rest, adminTokenForRole } from './api-client';
import { startCms, type TestCms } from './harness';

const DOCUMENT = 'api::document.document';
const TYPE = 'api::document-type.document-type';

let cms: TestCms;
let token: string;
beforeAll(async () => {
  cms = await startCms();
  token = await createFullAccessToken(cms);
});
afterAll(async () => {
  await cms?.destroy();
});

const adminUser = (roleCode: string) => adminTokenForRole(cms, roleCode);
const cm = (path: string) => `/content-manager/collection-types/${path}`;

const createDocument = async (data: Record<string, unknown>) =>
  rest(cms, 'POST', '/api/documents?populate=*', { token, body: { data: { title: `Văn bản ${Math.random()}`, ...data } } });

describe('the lists editors extend', () => {
  it('starts with the types of the old fixed list, named in Vietnamese, with their codes', async () => {
    const res = await rest(cms, 'GET', '/api/document-types?pagination[pageSize]=100&sort=code');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.data.map((t: { code: string; name: string }) => [t.code, t.name]));
    expect(byCode).toMatchObject({ 'cong-van': 'Công văn', 'quyet-dinh': 'Quyết định', 'nghi-quyet': 'Nghị quyết', khac: 'Khác' });
    expect(Object.keys(byCode)).toHaveLength(10);
  });

  it('lets an editor add a type, an issuer, a signer and a field in the admin; an author only reads them', async () => {
    const editor = await adminUser('strapi-editor');
    const made: Record<string, any> = {};
    for (const [uid, data] of [
      [TYPE, { name: 'Tờ trình', code: 'to-trinh' }],
      ['api::issuer.issuer', { name: 'Hội đồng nhân dân thị xã' }],
      ['api::signer.signer', { name: 'Trần Văn Bình', position: 'Chủ tịch' }],
      ['api::document-field.document-field', { name: 'Đất đai' }],
    ] as const) {
      const res = await rest(cms, 'POST', cm(uid), { token: editor, body: data });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      made[uid] = res.body.data;
    }
    expect(made['api::issuer.issuer'].slug).toBe('hoi-dong-nhan-dan-thi-xa');
    expect(made['api::document-field.document-field'].slug).toBe('dat-dai');

    const author = await adminUser('strapi-author');
    expect((await rest(cms, 'GET', cm(TYPE), { token: author })).status).toBe(200);
    const refused = await rest(cms, 'POST', cm(TYPE), { token: author, body: { name: 'Thông tri', code: 'thong-tri' } });
    expect(refused.status).toBe(403);
    expect(await cms.strapi.db.query(TYPE).count({ where: { code: 'thong-tri' } })).toBe(0);
  });

  it('gives a type made through the API a code from its name', async () => {
    const res = await rest(cms, 'POST', '/api/document-types', { token, body: { data: { name: 'Quy chế' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.code).toBe('quy-che');
  });
});

describe('a document in the register', () => {
  it('keeps answering kind as the type code in REST and GraphQL, for old and new types', async () => {
    // An old client sends kind alone, in either spelling; it picks the type with that code.
    const old = await createDocument({ kind: 'cong_van', number: '12-CV/TU' });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body.data.kind).toBe('cong-van');
    expect(old.body.data.documentType.name).toBe('Công văn');

    const type = await cms.strapi.documents(TYPE).create({ data: { name: 'Thông tri', code: 'thong-tri' } as never });
    const created = await createDocument({ documentType: type.documentId, number: '03-TT/TU' });
    expect(created.status).toBe(201);
    expect(created.body.data.kind).toBe('thong-tri');

    // Nothing named: the old enumeration's default, through the API and through the admin form.
    const plain = await createDocument({});
    expect(plain.body.data.kind).toBe('khac');
    const editor = await adminUser('strapi-editor');
    const form = await rest(cms, 'POST', cm(DOCUMENT), { token: editor, body: { title: 'Văn bản từ biểu mẫu', documentType: { connect: [], disconnect: [] } } });
    expect(form.status, JSON.stringify(form.body)).toBe(201);
    const stored = await cms.strapi.db.query(DOCUMENT).findOne({ where: { documentId: form.body.data.documentId }, populate: ['documentType'] });
    expect([stored.kind, stored.documentType?.code]).toEqual(['khac', 'khac']);

    const gql = await graphql(cms, `{ documents(filters: { number: { in: ["12-CV/TU", "03-TT/TU"] } }, sort: "number") { number kind documentType { code name } } }`);
    expect(gql.errors).toBeUndefined();
    expect(gql.data.documents).toEqual([
      { number: '03-TT/TU', kind: 'thong-tri', documentType: { code: 'thong-tri', name: 'Thông tri' } },
      { number: '12-CV/TU', kind: 'cong-van', documentType: { code: 'cong-van', name: 'Công văn' } },
    ]);

    // A client cannot make kind disagree with the type.
    const forced = await rest(cms, 'PUT', `/api/documents/${created.body.data.documentId}`, { token, body: { data: { documentType: type.documentId, kind: 'khac' } } });
    expect(forced.status).toBe(200);
    expect(forced.body.data.kind).toBe('thong-tri');

    // An editor renaming a type's code moves its documents along.
    await cms.strapi.documents(TYPE).update({ documentId: type.documentId, data: { code: 'thong-tri-moi' } as never });
    const moved = await rest(cms, 'GET', `/api/documents/${created.body.data.documentId}`);
    expect(moved.body.data.kind).toBe('thong-tri-moi');
  });

  it('refuses an unknown kind with 400 naming the field, and saves nothing', async () => {
    const before = await cms.strapi.db.query(DOCUMENT).count();
    const res = await createDocument({ kind: 'khong-co-loai-nay' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^kind: .*khong-co-loai-nay/);
    expect(res.body.error.details.errors?.[0]?.path ?? res.body.error.details.path).toContain('kind');
    expect(await cms.strapi.db.query(DOCUMENT).count()).toBe(before);
  });

  it('stores effective and expiry dates and refuses an expiry before the effective date', async () => {
    const ok = await createDocument({ effectiveDate: '2026-01-01', expiryDate: '2026-06-30' });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ effectiveDate: '2026-01-01', expiryDate: '2026-06-30' });

    const bad = await createDocument({ number: 'SAI-NGAY', effectiveDate: '2026-06-30', expiryDate: '2026-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^expiryDate: /);
    // An update naming only the expiry is checked against the stored effective date.
    const badUpdate = await rest(cms, 'PUT', `/api/documents/${ok.body.data.documentId}`, { token, body: { data: { expiryDate: '2025-12-31' } } });
    expect(badUpdate.status).toBe(400);
    expect(badUpdate.body.error.message).toMatch(/^expiryDate: /);
    expect(await cms.strapi.db.query(DOCUMENT).count({ where: { number: 'SAI-NGAY' } })).toBe(0);
  });

  it('links documents it replaces and relates to, and answers the reverse link', async () => {
    const old = await createDocument({ number: '1-QĐ/UBND', expiryDate: '2026-03-01' });
    const note = await createDocument({ number: '2-HD/UBND' });
    const next = await createDocument({ number: '9-QĐ/UBND', replaces: [old.body.data.documentId], relatedDocuments: [note.body.data.documentId] });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const gql = await graphql(
      cms,
      `query ($n: [String]) { documents(filters: { number: { in: $n } }, sort: "number") { number replaces { number } replacedBy { number } relatedDocuments { number } } }`,
      { n: ['1-QĐ/UBND', '9-QĐ/UBND'] },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.documents).toEqual([
      { number: '1-QĐ/UBND', replaces: [], replacedBy: [{ number: '9-QĐ/UBND' }], relatedDocuments: [] },
      { number: '9-QĐ/UBND', replaces: [{ number: '1-QĐ/UBND' }], replacedBy: [], relatedDocuments: [{ number: '2-HD/UBND' }] },
    ]);
  });
});

describe('migration of documents from before the register', () => {
  it('turns kinds into type links and issuer/signer texts into list entries, losing nothing, once', async () => {
    const knex = cms.strapi.db.connection;
    const olds = [
      { number: '45-KH/TU', kind: 'ke-hoach', issuer: 'Thị ủy Phú Lâm', signer: 'Nguyễn Văn Quảng' },
      { number: '46-KH/TU', kind: 'ke-hoach', issuer: 'Thị ủy Phú Lâm', signer: '' },
      { number: '7/QĐ-UBND', kind: 'quyet-dinh', issuer: 'Ủy ban nhân dân thị xã Phú Lâm', signer: 'Đỗ Quang Vinh' },
    ];
    const ids: Record<string, string> = {};
    for (const old of olds) {
      const made = await cms.strapi.documents(DOCUMENT).create({ data: { title: `Cũ ${old.number}`, number: old.number } as never, status: 'published' });
      ids[old.number] = made.documentId;
    }
    // Make the database look as the previous release left it: issuer and signer as text columns,
    // the type only in `kind`, no list entries, the migration not yet run.
    await knex.schema.alterTable('documents', (table) => {
      table.string('issuer', 300);
      table.string('signer', 200);
    });
    for (const old of olds) {
      await knex('documents').where({ document_id: ids[old.number] }).update({ kind: old.kind, issuer: old.issuer, signer: old.signer || null });
    }
    for (const table of ['documents_document_type_lnk', 'documents_issuer_lnk', 'documents_signer_lnk']) await knex(table).delete();
    for (const table of ['document_types', 'issuers', 'signers']) await knex(table).delete();
    await knex('strapi_migrations').where('name', 'like', '%document-register%').delete();
    await knex('strapi_database_schema').delete(); // an older schema: Strapi syncs it on start
    const rowsBefore = await knex('documents').count({ n: '*' }).first();

    cms = await cms.restart();

    const after = cms.strapi.db.connection;
    expect(await after('documents').count({ n: '*' }).first()).toEqual(rowsBefore);
    const res = await rest(cms, 'GET', `/api/documents?filters[number][$in][0]=45-KH/TU&filters[number][$in][1]=46-KH/TU&filters[number][$in][2]=7/QĐ-UBND&populate=*&sort=number`);
    expect(res.status).toBe(200);
    expect(
      res.body.data.map((d: any) => ({ number: d.number, kind: d.kind, type: d.documentType?.name, issuer: d.issuer?.name ?? null, signer: d.signer?.name ?? null })),
    ).toEqual([
      { number: '45-KH/TU', kind: 'ke-hoach', type: 'Kế hoạch', issuer: 'Thị ủy Phú Lâm', signer: 'Nguyễn Văn Quảng' },
      { number: '46-KH/TU', kind: 'ke-hoach', type: 'Kế hoạch', issuer: 'Thị ủy Phú Lâm', signer: null },
      { number: '7/QĐ-UBND', kind: 'quyet-dinh', type: 'Quyết định', issuer: 'Ủy ban nhân dân thị xã Phú Lâm', signer: 'Đỗ Quang Vinh' },
    ]);
    // Every type of the old list is offered, not only those the documents used.
    const codes = (await after('document_types').select('code')).map((row: { code: string }) => row.code);
    expect(codes).toEqual(expect.arrayContaining(['cong-van', 'huong-dan', 'ke-hoach', 'nghi-quyet', 'chi-thi', 'ket-luan', 'quyet-dinh', 'bao-cao', 'thong-bao', 'khac']));
    // One entry per distinct text, and the draft rows are linked too (the admin edits those).
    expect(Number((await after('issuers').where({ name: 'Thị ủy Phú Lâm' }).count({ n: '*' }).first())!.n)).toBe(1);
    const editor = await adminUser('strapi-editor');
    const draft = await rest(cms, 'GET', `/content-manager/relations/${DOCUMENT}/${ids['7/QĐ-UBND']}/issuer`, { token: editor });
    expect(draft.body.results.map((r: { name: string }) => r.name)).toEqual(['Ủy ban nhân dân thị xã Phú Lâm']);

    // Once: a second start finds nothing left to migrate and changes nothing.
    const snapshot = async () => ({
      documents: await cms.strapi.db.connection('documents').select('id', 'kind').orderBy('id'),
      issuers: await cms.strapi.db.connection('issuers').select('id', 'name').orderBy('id'),
    });
    const once = await snapshot();
    cms = await cms.restart();
    expect(await snapshot()).toEqual(once);
  });
});
