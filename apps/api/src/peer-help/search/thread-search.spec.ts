import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../../testing/api-test-context.js';
import { SEARCH_CANDIDATES } from './thread-search.repository.js';

describe('peer-help search, similar titles and the unanswered queue', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  type Agent = Awaited<ReturnType<ApiTestContext['as']>>;
  interface Hit {
    id: string;
    title: string | null;
    titleHighlight: string;
    snippet: string;
    matchedIn: 'question' | 'reply';
    deleted: boolean;
    status: string;
  }

  interface ThreadFields {
    title: string;
    body?: string;
    tags?: string[];
    scope?: 'cohort' | 'track';
    briefId?: string;
    /** How long ago it was asked; now when absent. */
    hoursAgo?: number;
    deleted?: boolean;
    hiddenBy?: User;
  }

  /** Writes a thread straight to the database, as the create route would. */
  async function thread(cohort: Cohort, author: User, fields: ThreadFields): Promise<string> {
    const [row] = await ctx.dataSource.query(
      `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, title, body, tags, brief_id, created_at, last_activity_at, deleted_at, hidden_at, hidden_by, hidden_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
         coalesce(clock_timestamp() - make_interval(hours => $9::int), clock_timestamp()), clock_timestamp(),
         CASE WHEN $10::boolean THEN now() END, CASE WHEN $11::uuid IS NOT NULL THEN now() END, $11::uuid, CASE WHEN $11::uuid IS NOT NULL THEN 'Hors sujet' END)
       RETURNING id`,
      [
        cohort.id,
        cohort.trackId,
        fields.scope ?? 'cohort',
        author.id,
        fields.title,
        fields.body ?? 'Je ne comprends pas.',
        fields.tags ?? [],
        fields.briefId ?? null,
        fields.hoursAgo ?? null,
        fields.deleted ?? false,
        fields.hiddenBy?.id ?? null,
      ],
    );
    return row.id;
  }

  /** Writes a reply, counting it on its thread when it shows; `accept` makes it the accepted answer. */
  async function reply(threadId: string, author: User, body: string, options: { deleted?: boolean; hiddenBy?: User; accept?: boolean } = {}): Promise<string> {
    const [row] = await ctx.dataSource.query(
      `INSERT INTO help_replies (thread_id, author_id, body, deleted_at, hidden_at, hidden_by, hidden_reason)
       VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN now() END, CASE WHEN $5::uuid IS NOT NULL THEN now() END, $5::uuid, CASE WHEN $5::uuid IS NOT NULL THEN 'Hors sujet' END)
       RETURNING id`,
      [threadId, author.id, body, options.deleted ?? false, options.hiddenBy?.id ?? null],
    );
    const visible = !options.deleted && !options.hiddenBy;
    await ctx.dataSource.query(
      `UPDATE help_threads SET reply_count = reply_count + $2::int, accepted_reply_id = CASE WHEN $3::boolean THEN $4::uuid ELSE accepted_reply_id END WHERE id = $1`,
      [threadId, visible ? 1 : 0, options.accept ?? false, row.id],
    );
    return row.id;
  }

  /** A cohort with a facilitator and a learner, both logged in. */
  async function setUp(options: { trackId?: string } = {}) {
    const cohort = await ctx.fixtures.cohort(options);
    const facilitatorUser = await ctx.fixtures.member(cohort, 'facilitator');
    const learnerUser = await ctx.fixtures.member(cohort, 'learner');
    return { cohort, facilitatorUser, learnerUser, facilitator: await ctx.as(facilitatorUser), learner: await ctx.as(learnerUser) };
  }

  const search = async (agent: Agent, params: Record<string, string | number>): Promise<{ items: Hit[]; nextCursor: string | null }> =>
    (await agent.get('/api/threads').query(params).expect(200)).body;
  const idsOf = async (agent: Agent, params: Record<string, string | number>) => (await search(agent, params)).items.map((hit) => hit.id);

  it('ignores accents and stems French and English words', async () => {
    const { cohort, learnerUser, learner } = await setUp();
    const accented = await thread(cohort, learnerUser, { title: 'Problème de répartition dans notre équipe', body: 'Qui fait quoi ?' });
    const plain = await thread(cohort, learnerUser, { title: 'Organiser le travail en equipe projet', body: 'Sans accent.' });
    const deployment = await thread(cohort, learnerUser, { title: 'Heroku deployment fails', body: 'The build is red.' });
    const deployed = await thread(cohort, learnerUser, { title: 'Page blanche une fois en ligne', body: 'Once deployed, the page is blank.' });
    const branch = await thread(cohort, learnerUser, { title: 'Supprimer une branche Git distante', body: 'git push --delete ?' });

    for (const word of ['equipe', 'équipe', 'ÉQUIPE', 'équipes']) expect((await idsOf(learner, { q: word })).sort()).toEqual([accented, plain].sort());
    expect((await idsOf(learner, { q: 'deploying' })).sort()).toEqual([deployment, deployed].sort());
    expect(await idsOf(learner, { q: 'branches' })).toEqual([branch]);
    expect(await idsOf(learner, { q: 'kubernetes' })).toEqual([]);
    // Only stop words: no lexeme, so no hit rather than an error.
    expect(await search(learner, { q: 'the' })).toEqual({ items: [], nextCursor: null });
    expect(await search(learner, { q: '« ? »' })).toEqual({ items: [], nextCursor: null });
    // Stop words of one language are not searched through the other one's configuration.
    expect(await search(learner, { q: 'une' })).toEqual({ items: [], nextCursor: null }); // yet "Supprimer une branche…"
    expect((await idsOf(learner, { q: 'the deployment' })).sort()).toEqual([deployment, deployed].sort());
    expect(await idsOf(learner, { q: 'une branche' })).toEqual([branch]);
    expect(await search(learner, { q: '-kubernetes' })).toEqual({ items: [], nextCursor: null }); // nothing to look for
  });

  it('ranks title matches above body matches above reply matches, with escaped highlights', async () => {
    const { cohort, learnerUser, facilitatorUser, learner } = await setUp();
    const inTitle = await thread(cohort, learnerUser, { title: 'Webpack ne trouve pas mon <script> principal', body: 'Le build échoue.' });
    const inBody = await thread(cohort, learnerUser, {
      title: 'Mon build casse depuis hier',
      body: 'Voici le fichier :\n\n<script>alert("xss")</script>\n\nLa configuration de webpack & du reste est dans le dépôt.',
    });
    const inReply = await thread(cohort, learnerUser, { title: 'Mes images ne s’affichent pas', body: 'Elles sont dans le dossier assets.' });
    await reply(inReply, facilitatorUser, 'Regarde le loader de fichiers dans ta configuration webpack : il faut déclarer les .png.');
    await reply(inReply, facilitatorUser, 'Autre piste, sans rapport.');

    const { items } = await search(learner, { q: 'webpack' });
    expect(items.map((hit) => hit.id)).toEqual([inTitle, inBody, inReply]);
    const [title, body, replied] = items;
    expect(title).toMatchObject({ matchedIn: 'question', titleHighlight: '<mark>Webpack</mark> ne trouve pas mon &lt;script&gt; principal' });
    expect(body.matchedIn).toBe('question');
    expect(body.titleHighlight).toBe('Mon build casse depuis hier');
    expect(body.snippet).toContain('<mark>webpack</mark>');
    expect(body.snippet).toContain('&amp;');
    expect(body.snippet).not.toMatch(/<(?!\/?mark>)/); // no tag but <mark>: the body's <script> is escaped or dropped
    expect(replied).toMatchObject({ matchedIn: 'reply', title: 'Mes images ne s’affichent pas' });
    expect(replied.snippet).toContain('<mark>webpack</mark>');
    expect(replied.snippet).not.toContain('assets');

    // A user cannot forge highlights with the marker characters.
    const forged = await thread(cohort, learnerUser, { title: 'Question \uE000piège\uE001 sur grunt', body: 'grunt' });
    const [hit] = (await search(learner, { q: 'grunt' })).items;
    expect(hit.id).toBe(forged);
    expect(hit.titleHighlight).toBe('Question piège sur <mark>grunt</mark>');

    // English stemming is marked too: the French pass alone would miss "deployment".
    await thread(cohort, learnerUser, { title: 'Heroku deployment of the API', body: 'It crashed after deploying.' });
    const [english] = (await search(learner, { q: 'deploying' })).items;
    expect(english.titleHighlight).toBe('Heroku <mark>deployment</mark> of the API');
    expect(english.snippet).toContain('<mark>deploying</mark>');
  });

  it('filters by tag, status, brief, cohort and track', async () => {
    const a = await setUp();
    const b = await setUp({ trackId: a.cohort.trackId });
    await ctx.fixtures.member(b.cohort, 'learner', a.learnerUser); // a learner of both promotions
    const [brief] = await ctx.dataSource.query(`INSERT INTO briefs (track_id, title, mode, created_by) VALUES ($1, 'Le site de la boulangerie', 'individual', $2) RETURNING id`, [
      a.cohort.trackId,
      a.facilitatorUser.id,
    ]);
    const css = await thread(a.cohort, a.learnerUser, { title: 'Grille flexbox qui déborde', tags: ['css', 'flexbox'], briefId: brief.id });
    const answered = await thread(a.cohort, a.learnerUser, { title: 'Flexbox et marges négatives', tags: ['css'] });
    await reply(answered, a.facilitatorUser, 'Utilise gap.');
    const accepted = await thread(b.cohort, a.learnerUser, { title: 'Flexbox ou grid pour la galerie ?', tags: ['grid'] });
    await reply(accepted, b.facilitatorUser, 'Grid.', { accept: true });

    const q = 'flexbox';
    expect((await idsOf(a.learner, { q })).sort()).toEqual([css, answered, accepted].sort());
    expect((await idsOf(a.learner, { q, tag: 'css' })).sort()).toEqual([css, answered].sort());
    expect(await idsOf(a.learner, { q, tag: ' CSS ', status: 'unanswered' })).toEqual([css]);
    expect(await idsOf(a.learner, { q, status: 'answered' })).toEqual([answered]);
    expect(await idsOf(a.learner, { q, status: 'accepted' })).toEqual([accepted]);
    expect(await idsOf(a.learner, { q, briefId: brief.id })).toEqual([css]);
    expect(await idsOf(a.learner, { q, cohortId: b.cohort.id })).toEqual([accepted]);
    expect((await idsOf(a.learner, { q, trackId: a.cohort.trackId })).sort()).toEqual([css, answered, accepted].sort());
    // A cohort or track the caller cannot see: nothing, and no hint that it exists.
    const other = await setUp();
    await thread(other.cohort, other.learnerUser, { title: 'Flexbox chez les autres' });
    expect(await idsOf(a.learner, { q, cohortId: other.cohort.id })).toEqual([]);
    expect(await idsOf(a.learner, { q, trackId: other.cohort.trackId })).toEqual([]);
    expect(await idsOf(a.learner, { q, tag: 'nope' })).toEqual([]);
  });

  it('finds track-wide threads from sibling cohorts, never another cohort’s own ones', async () => {
    const a = await setUp();
    const b = await setUp({ trackId: a.cohort.trackId });
    const elsewhere = await setUp();
    const shared = await thread(a.cohort, a.learnerUser, { title: 'Installer PostgreSQL sous Windows', scope: 'track' });
    const own = await thread(a.cohort, a.learnerUser, { title: 'PostgreSQL refuse ma connexion', scope: 'cohort' });
    const fromB = await thread(b.cohort, b.learnerUser, { title: 'PostgreSQL et Docker', scope: 'cohort' });

    expect((await idsOf(a.learner, { q: 'postgresql' })).sort()).toEqual([shared, own].sort());
    expect((await idsOf(b.learner, { q: 'postgresql' })).sort()).toEqual([shared, fromB].sort());
    expect(await idsOf(b.learner, { q: 'postgresql', cohortId: a.cohort.id })).toEqual([shared]);
    expect(await idsOf(elsewhere.learner, { q: 'postgresql' })).toEqual([]);
    expect(await idsOf(elsewhere.learner, { q: 'postgresql', trackId: a.cohort.trackId })).toEqual([]);
    // Admins read everything.
    const admin = await ctx.as(await ctx.fixtures.admin());
    expect((await idsOf(admin, { q: 'postgresql', trackId: a.cohort.trackId })).sort()).toEqual([shared, own, fromB].sort());
  });

  it('finds replies through their thread’s cohort and scope, also after the scope changes', async () => {
    const a = await setUp();
    const b = await setUp({ trackId: a.cohort.trackId });
    const id = await thread(a.cohort, a.learnerUser, { title: 'Une question de déploiement' });
    await reply(id, a.facilitatorUser, 'Regarde du côté de la variable quokkaserveur.');

    expect(await idsOf(a.learner, { q: 'quokkaserveur' })).toEqual([id]);
    expect(await idsOf(b.learner, { q: 'quokkaserveur' })).toEqual([]);
    // Shared with the track later: its replies follow (copied by trigger, searched per source).
    await ctx.dataSource.query(`UPDATE help_threads SET scope = 'track' WHERE id = $1`, [id]);
    expect(await idsOf(b.learner, { q: 'quokkaserveur' })).toEqual([id]);
    await ctx.dataSource.query(`UPDATE help_threads SET scope = 'cohort' WHERE id = $1`, [id]);
    expect(await idsOf(b.learner, { q: 'quokkaserveur' })).toEqual([]);
  });

  it(`ranks only the newest ${SEARCH_CANDIDATES} matches of a source, so a common word stays fast`, async () => {
    const { cohort, learnerUser, learner } = await setUp();
    // Five old questions with the word in their title would rank first, were they ranked at all.
    const old: string[] = [];
    for (let i = 0; i < 5; i++) old.push(await thread(cohort, learnerUser, { title: `Ornithorynque ${i}`, hoursAgo: 100 + i }));
    await ctx.dataSource.query(
      `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, title, body, created_at, last_activity_at)
       SELECT $1, $2, 'cohort', $3, 'Question ' || i, 'Encore un ornithorynque dans le code.', clock_timestamp() - make_interval(mins => i), clock_timestamp()
       FROM generate_series(1, $4::int) AS i`,
      [cohort.id, cohort.trackId, learnerUser.id, SEARCH_CANDIDATES],
    );
    const first = await idsOf(learner, { q: 'ornithorynque', limit: 50 });
    expect(first).toHaveLength(50);
    expect(first.filter((id) => old.includes(id))).toEqual([]);
    // Narrowed below the cap, they are ranked again, first.
    await ctx.dataSource.query(`UPDATE help_threads SET tags = '{zoo}' WHERE id = ANY($1::uuid[])`, [old]);
    expect((await idsOf(learner, { q: 'ornithorynque', tag: 'zoo' })).sort()).toEqual([...old].sort());
  });

  it('never finds the text of deleted or hidden posts, but a deleted question through its replies', async () => {
    const { cohort, learnerUser, facilitatorUser, learner, facilitator } = await setUp();
    const hidden = await thread(cohort, learnerUser, { title: 'Insultes sur le vocabulaire zorglub', hiddenBy: facilitatorUser });
    await reply(hidden, learnerUser, 'Encore du zorglub et du bidulon.');
    const deleted = await thread(cohort, learnerUser, { title: 'Question zorglub retirée', body: 'bidulon', deleted: true });
    const kept = await thread(cohort, learnerUser, { title: 'Une question sur les closures', body: 'Rien de spécial.' });
    await reply(kept, learnerUser, 'Réponse retirée zorglub', { deleted: true });
    await reply(kept, learnerUser, 'Réponse masquée zorglub', { hiddenBy: facilitatorUser });
    await reply(deleted, facilitatorUser, 'La réponse reste : utilise un frobnicateur.');

    expect(await idsOf(learner, { q: 'zorglub' })).toEqual([]);
    expect(await idsOf(learner, { q: 'bidulon' })).toEqual([]); // the hidden thread's reply does not surface it for learners
    const [found] = (await search(learner, { q: 'frobnicateur' })).items;
    expect(found).toMatchObject({ id: deleted, deleted: true, matchedIn: 'reply' });
    expect(found.snippet).toContain('<mark>frobnicateur</mark>');
    // Its moderators still reach the hidden thread through its replies.
    expect(await idsOf(facilitator, { q: 'bidulon' })).toEqual([hidden]);
  });

  it('pages through search results by cursor without duplicates or gaps', async () => {
    const { cohort, learnerUser, facilitatorUser, learner } = await setUp();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      // Three rank levels with ties inside each, so the cursor has to break ties on id.
      const id = await thread(cohort, learnerUser, {
        title: i % 3 === 0 ? `Regex numéro ${i}` : `Question numéro ${i}`,
        body: i % 3 === 1 ? 'Une regex qui ne capture rien.' : 'Rien à voir.',
      });
      if (i % 3 === 2) await reply(id, facilitatorUser, 'Essaie une regex plus simple.');
      ids.push(id);
    }
    await thread(cohort, learnerUser, { title: 'Sans rapport', body: 'Aucun motif.' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Hit[]; nextCursor: string | null } = await search(learner, { q: 'regex', limit: 10, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((hit) => hit.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(ids));
    // Title hits first, then body hits, then reply hits.
    const level = (id: string) => [0, 1, 2][ids.indexOf(id) % 3];
    expect(seen.map(level)).toEqual([...seen.map(level)].sort());
  });

  it('suggests similar threads readable from the cohort while a title is typed', async () => {
    const a = await setUp();
    const b = await setUp({ trackId: a.cohort.trackId });
    const target = await thread(a.cohort, a.learnerUser, { title: 'Comment centrer une div verticalement ?', body: 'J’ai essayé margin auto.' });
    const answered = await thread(a.cohort, a.learnerUser, { title: 'Centrer un texte dans un bouton' });
    await reply(answered, a.facilitatorUser, 'text-align: center');
    const unanswered = await thread(a.cohort, a.learnerUser, { title: 'Centrer un texte dans un tableau' });
    await thread(a.cohort, a.learnerUser, { title: 'Aligner verticalement du texte', body: 'Rien.' });
    await thread(a.cohort, a.learnerUser, { title: 'Les promesses en JavaScript', body: 'Que fait await ?' });
    const siblingShared = await thread(b.cohort, b.learnerUser, { title: 'Centrer une div en CSS grid', scope: 'track' });
    const siblingOwn = await thread(b.cohort, b.learnerUser, { title: 'Centrer une div verticalement, encore', scope: 'cohort' });

    const url = `/api/cohorts/${a.cohort.id}/threads/similar`;
    const { body } = await a.learner.get(url).query({ title: 'centrer div verticalement' }).expect(200);
    const ids = body.items.map((item: { id: string }) => item.id);
    expect(ids[0]).toBe(target);
    expect(body.items[0].titleHighlight).toBe('Comment <mark>centrer</mark> une <mark>div</mark> <mark>verticalement</mark> ?');
    expect(ids).toContain(siblingShared);
    expect(ids).not.toContain(siblingOwn);
    expect(ids).toHaveLength(5);
    // Between titles sharing as many words, the answered one comes first.
    expect(ids.indexOf(answered)).toBeLessThan(ids.indexOf(unanswered));
    expect((await a.learner.get(url).query({ title: 'centrer div verticalement', limit: 2 }).expect(200)).body.items).toHaveLength(2);
    expect((await a.learner.get(url).query({ title: 'le la the of' }).expect(200)).body).toEqual({ items: [] });
    expect((await a.learner.get(url).query({ title: 'a' }).expect(200)).body).toEqual({ items: [] });

    const stranger = await setUp();
    const refused = await stranger.learner.get(url).query({ title: 'centrer div' }).expect(404);
    expect(refused.body.message).toBe('Cohort not found');
    const bad = await a.learner.get(url).query({ title: 'x'.repeat(201), limit: 11 }).expect(400);
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['limit', 'title']);
    expect((await a.learner.get(url).expect(400)).body.details[0].field).toBe('title');
  });

  it('lists questions waiting for a reply for a day to their facilitators, oldest first', async () => {
    const a = await setUp();
    const b = await setUp({ trackId: a.cohort.trackId });
    const oldest = await thread(a.cohort, a.learnerUser, { title: 'Question oubliée depuis trois jours', hoursAgo: 72 });
    const shared = await thread(b.cohort, b.learnerUser, { title: 'Question partagée sans réponse', hoursAgo: 48, scope: 'track' });
    const older = await thread(a.cohort, a.learnerUser, { title: 'Question d’hier sans réponse', hoursAgo: 25 });
    await thread(a.cohort, a.learnerUser, { title: 'Question toute fraîche', hoursAgo: 2 });
    const replied = await thread(a.cohort, a.learnerUser, { title: 'Question avec réponse', hoursAgo: 50 });
    await reply(replied, a.facilitatorUser, 'Voilà.');
    const onlyHidden = await thread(a.cohort, a.learnerUser, { title: 'Question à réponse masquée', hoursAgo: 30 });
    await reply(onlyHidden, a.learnerUser, 'Hors sujet', { hiddenBy: a.facilitatorUser });
    await thread(a.cohort, a.learnerUser, { title: 'Question supprimée', hoursAgo: 40, deleted: true });
    await thread(a.cohort, a.learnerUser, { title: 'Question masquée', hoursAgo: 40, hiddenBy: a.facilitatorUser });
    await thread(b.cohort, b.learnerUser, { title: 'Question de la promo B', hoursAgo: 40 });

    const list = async (agent: Agent, query: Record<string, string | number> = {}) => (await agent.get('/api/facilitator/unanswered').query(query).expect(200)).body;
    const all = await list(a.facilitator);
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([oldest, shared, onlyHidden, older]);
    expect(all.nextCursor).toBeNull();
    expect((await list(a.facilitator, { cohortId: a.cohort.id })).items.map((item: { id: string }) => item.id)).toEqual([oldest, onlyHidden, older]);

    // Page by page, the same list.
    const first = await list(a.facilitator, { limit: 3 });
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([oldest, shared, onlyHidden]);
    const second = await list(a.facilitator, { limit: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ id: older }], nextCursor: null });

    // Another cohort's facilitator does not see them; a learner and a stranger to all cohorts get 403.
    const other = await setUp();
    await thread(other.cohort, other.learnerUser, { title: 'Question d’une autre piste', hoursAgo: 30 });
    const otherIds = (await list(other.facilitator)).items.map((item: { id: string }) => item.id);
    expect(otherIds).not.toContain(oldest);
    expect(otherIds).toHaveLength(1);
    const bIds = (await list(b.facilitator)).items.map((item: { id: string }) => item.id);
    expect(bIds).toContain(shared);
    expect(bIds).not.toContain(oldest);
    expect((await a.learner.get('/api/facilitator/unanswered').expect(403)).body.code).toBe('forbidden');
    await (await ctx.as(await ctx.fixtures.user())).get('/api/facilitator/unanswered').expect(403);
    await a.learner.get('/api/facilitator/unanswered').query({ cohortId: a.cohort.id }).expect(403);
    expect((await other.facilitator.get('/api/facilitator/unanswered').query({ cohortId: a.cohort.id }).expect(404)).body.message).toBe('Cohort not found');
    // Admins see every cohort's.
    const adminIds = (await list(await ctx.as(await ctx.fixtures.admin()), { limit: 100 })).items.map((item: { id: string }) => item.id);
    expect(adminIds).toEqual(expect.arrayContaining([oldest, shared, older, onlyHidden]));
  });

  it('answers bad input with a 400 naming the field', async () => {
    const { learner, facilitator } = await setUp();
    const fieldsOf = async (agent: Agent, url: string, query: Record<string, string>) => {
      const response = await agent.get(url).query(query).expect(400);
      expect(response.body.code).toBe('validation_failed');
      return [...new Set(response.body.details.map((detail: { field: string }) => detail.field))];
    };
    expect(await fieldsOf(learner, '/api/threads', {})).toEqual(['q']);
    expect(await fieldsOf(learner, '/api/threads', { q: '   ' })).toEqual(['q']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'x'.repeat(201) })).toEqual(['q']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', cohortId: 'nope' })).toEqual(['cohortId']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', trackId: '12' })).toEqual(['trackId']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', briefId: "1' OR '1'='1" })).toEqual(['briefId']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', status: 'open' })).toEqual(['status']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', limit: '0' })).toEqual(['limit']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', limit: '101' })).toEqual(['limit']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', limit: 'ten' })).toEqual(['limit']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', cursor: 'pas un curseur!' })).toEqual(['cursor']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', cursor: Buffer.from('[1,2]').toString('base64url') })).toEqual(['cursor']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', cursor: Buffer.from('["x","y"]').toString('base64url') })).toEqual(['cursor']);
    expect(await fieldsOf(learner, '/api/threads', { q: 'css', sort: 'votes' })).toEqual(['sort']);
    expect(await fieldsOf(facilitator, '/api/facilitator/unanswered', { cohortId: 'nope' })).toEqual(['cohortId']);
    expect(await fieldsOf(facilitator, '/api/facilitator/unanswered', { cursor: Buffer.from('[0.5,"00000000-0000-4000-8000-000000000000"]').toString('base64url') })).toEqual([
      'cursor',
    ]);
    expect(await fieldsOf(facilitator, '/api/facilitator/unanswered', { limit: '1000' })).toEqual(['limit']);
    expect((await learner.get('/api/cohorts/not-a-uuid/threads/similar').query({ title: 'css' }).expect(400)).body.details[0].field).toBe('cohortId');
    // Web-search syntax is text, never a tsquery syntax error.
    for (const q of ['"', '-', 'a & b | !c', "':*", 'or or', '(((', '\\']) await learner.get('/api/threads').query({ q }).expect(200);
  });
});
