import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { accessibilityViolations, errorOf, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * Peer help in two browsers against the real stack: a learner asking is shown an existing
 * question like theirs while typing, asks anyway (an empty text first); another learner finds it
 * by searching a word, answers; the asker votes the answer and accepts it. Someone of another
 * cohort cannot open it.
 */
const EXISTING_TITLE = 'Comment centrer une div verticalement avec flexbox ?';
const TITLE = 'Centrer verticalement une image avec flexbox';
const BODY = 'Mon image **déborde** du conteneur avec `align-items: center` : elle provoque un chevauchement avec le pied de page.';
const ANSWER = 'Ajoute `min-height: 0` sur l’image : un élément flex ne rétrécit pas en dessous de son contenu.';

describe('peer help threads, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  it('similar questions while asking, search with highlights, answer, vote, accept; another cohort cannot open it', async () => {
    const cohort = await ctx.fixtures.cohort();
    const otherCohort = await ctx.fixtures.cohort({ trackId: cohort.trackId }); // same track: only `track` threads are shared
    const asker = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Camille Martin' }));
    const helper = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Yanis Benali' }));
    const earlier = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Léa Moreau' }));
    const outsider = await ctx.fixtures.member(otherCohort, 'learner', await ctx.fixtures.user({ name: 'Hugo Petit' }));

    // A question asked earlier in the cohort, through the API as the app does.
    const existing = await (await ctx.apiAs(earlier.email))<{ id: string }>('POST', `/api/cohorts/${cohort.id}/threads`, {
      title: EXISTING_TITLE,
      body: 'Rien ne bouge avec `vertical-align: middle`.',
    });
    expect(existing.status).toBe(201);

    const askerPage = await (await newContext(ctx.browser, { viewport: { width: 375, height: 812 } })).newPage(); // a phone
    const helperPage = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();

    // The asker opens peer help: the cohort's recent questions, the earlier one among them.
    await signIn(askerPage, ctx.stack.webUrl, asker.email, DEFAULT_PASSWORD);
    await openFromNav(askerPage, 'Entraide');
    await askerPage.getByRole('heading', { level: 2, name: 'Questions récentes' }).waitFor();
    await askerPage.getByRole('listitem').filter({ has: askerPage.getByRole('link', { name: EXISTING_TITLE }) }).getByText('aucune réponse').waitFor();
    expect(await accessibilityViolations(askerPage)).toEqual([]);

    // While the title is typed, the earlier question like it is suggested, shared words marked.
    await askerPage.getByRole('link', { name: 'Poser une question' }).click();
    await askerPage.getByRole('heading', { level: 1, name: 'Poser une question' }).waitFor();
    await askerPage.getByLabel('Titre de votre question').pressSequentially(TITLE, { delay: 20 });
    const suggestions = askerPage.getByRole('region', { name: 'Questions qui ressemblent à la vôtre' });
    const suggestion = suggestions.getByRole('link', { name: EXISTING_TITLE });
    await suggestion.waitFor();
    expect(await suggestion.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['centrer', 'verticalement', 'flexbox']));
    expect(await suggestion.getAttribute('href')).toBe(`/threads/${existing.body.id}`);
    expect(await accessibilityViolations(askerPage)).toEqual([]);
    await screenshot(askerPage, 'thread-ask');

    // A reload keeps the draft; posting without the text is refused, and said next to that field.
    await askerPage.reload();
    expect(await askerPage.getByLabel('Titre de votre question').inputValue()).toBe(TITLE);
    await askerPage.getByRole('button', { name: 'Publier la question' }).click();
    const body = askerPage.getByLabel('Votre question en détail', { exact: true });
    await askerPage.getByText('Écrivez votre question : le titre seul ne suffit pas pour vous aider.').waitFor();
    expect(await errorOf(body)).toContain('Écrivez votre question : le titre seul ne suffit pas pour vous aider.');
    expect(await accessibilityViolations(askerPage)).toEqual([]);

    await body.fill(BODY);
    await askerPage.getByRole('button', { name: 'Publier la question' }).click();
    await askerPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const threadId = new URL(askerPage.url()).pathname.split('/').at(-1) as string;
    expect(new URL(askerPage.url()).pathname).toBe(`/threads/${threadId}`);
    // The markdown is shown rendered by the API, not as typed.
    expect(await askerPage.locator('.threads-post strong').textContent()).toBe('déborde');
    expect(await askerPage.locator('.threads-post code').textContent()).toBe('align-items: center');
    // The asker may not vote on their own question.
    expect(await askerPage.getByRole('button', { name: 'Utile : la question', exact: true }).count()).toBe(0);

    // Another learner searches a word of it: the result shows it marked, with its facts.
    await signIn(helperPage, ctx.stack.webUrl, helper.email, DEFAULT_PASSWORD);
    await openFromNav(helperPage, 'Entraide');
    await helperPage.getByRole('searchbox', { name: 'Rechercher dans l’entraide' }).fill('chevauchement');
    await helperPage.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await helperPage.getByRole('heading', { level: 2, name: 'Résultats pour « chevauchement »' }).waitFor();
    expect(new URL(helperPage.url()).searchParams.get('q')).toBe('chevauchement');
    const result = helperPage.getByRole('listitem').filter({ has: helperPage.getByRole('link', { name: TITLE }) });
    expect(await result.locator('mark').allTextContents()).toEqual(['chevauchement']);
    await result.getByText('aucune réponse').waitFor();
    await result.getByText(cohort.name).waitFor();
    expect(await helperPage.getByRole('link', { name: EXISTING_TITLE }).count()).toBe(0);
    expect(await accessibilityViolations(helperPage)).toEqual([]);
    await screenshot(helperPage, 'threads-search');

    // They open it and answer.
    await result.getByRole('link', { name: TITLE }).click();
    await helperPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await helperPage.getByLabel('Votre réponse', { exact: true }).fill(ANSWER);
    await helperPage.getByRole('button', { name: 'Publier la réponse' }).click();
    await helperPage.getByRole('status').getByText('Réponse publiée.').waitFor();
    await helperPage.getByRole('heading', { level: 2, name: '1 réponse' }).waitFor();
    const helperReply = helperPage.getByRole('article', { name: 'la réponse de Yanis Benali' });
    expect(await helperReply.locator('.threads-post code').textContent()).toBe('min-height: 0');
    // Not the asker: no accepting; their own reply: no voting on it.
    expect(await helperPage.getByRole('button', { name: 'Accepter cette réponse' }).count()).toBe(0);
    expect(await helperReply.getByRole('button', { name: /^Utile/ }).count()).toBe(0);
    expect(await accessibilityViolations(helperPage)).toEqual([]);
    // Back returns to the search, its words still in the box.
    await helperPage.goBack();
    await helperPage.getByRole('heading', { level: 2, name: 'Résultats pour « chevauchement »' }).waitFor();
    expect(await helperPage.getByRole('searchbox', { name: 'Rechercher dans l’entraide' }).inputValue()).toBe('chevauchement');

    // The asker reads the answer, finds it useful and accepts it.
    await askerPage.reload();
    const reply = askerPage.getByRole('article', { name: 'la réponse de Yanis Benali' });
    await reply.getByText('un élément flex ne rétrécit pas en dessous de son contenu').waitFor();
    const useful = reply.getByRole('button', { name: 'Utile : la réponse de Yanis Benali', exact: true });
    await useful.click();
    await reply.getByText('Score : 1').waitFor();
    expect(await useful.getAttribute('aria-pressed')).toBe('true');
    await reply.getByRole('button', { name: 'Accepter cette réponse' }).click();
    await reply.getByText('✓ Réponse acceptée').waitFor();
    await reply.getByRole('button', { name: 'Annuler l’acceptation' }).waitFor();
    await askerPage.getByText('✓ Résolue').waitFor();
    expect(await accessibilityViolations(askerPage)).toEqual([]);
    await screenshot(askerPage, 'thread-view');

    // What the API and the database hold.
    const [row] = (await ctx.dataSource.query(`SELECT t.status, t.accepted_reply_id AS "acceptedReplyId", r.id AS "replyId", r.score FROM help_threads t JOIN help_replies r ON r.thread_id = t.id WHERE t.id = $1`, [
      threadId,
    ])) as { status: string; acceptedReplyId: string; replyId: string; score: number }[];
    expect(row).toEqual({ status: 'accepted', acceptedReplyId: row.replyId, replyId: expect.any(String), score: 1 });
    const seen = await (await ctx.apiAs(asker.email))<{ acceptedReplyId: string; replies: { items: { id: string; accepted: boolean; myVote: number }[] } }>('GET', `/api/threads/${threadId}`);
    expect(seen.body.acceptedReplyId).toBe(row.replyId);
    expect(seen.body.replies.items).toEqual([expect.objectContaining({ id: row.replyId, accepted: true, myVote: 1 })]);

    // A learner of another cohort of the track cannot open it, nor find it.
    const outsiderPage = await (await newContext(ctx.browser)).newPage();
    await signIn(outsiderPage, ctx.stack.webUrl, outsider.email, DEFAULT_PASSWORD);
    await outsiderPage.goto(`${ctx.stack.webUrl}/threads/${threadId}`);
    await outsiderPage.getByRole('alert').getByText('Cette question n’existe pas ou vous n’y avez pas accès.').waitFor();
    expect(await outsiderPage.getByRole('heading', { name: TITLE }).count()).toBe(0);
    expect(await outsiderPage.getByText('un élément flex ne rétrécit pas').count()).toBe(0);
    expect(await accessibilityViolations(outsiderPage)).toEqual([]);
    expect((await (await ctx.apiAs(outsider.email))('GET', `/api/threads/${threadId}`)).status).toBe(404);
    await outsiderPage.goto(`${ctx.stack.webUrl}/threads?q=chevauchement`);
    await outsiderPage.getByText('Aucune question ne correspond à « chevauchement ».').waitFor();
  }, 150_000);
  it('a facilitator endorses a reply and may accept it; learners see the endorsement but not these actions', async () => {
    const cohort = await ctx.fixtures.cohort();
    const asker = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Inès Garnier' }));
    const helper = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Théo Lambert' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    const thread = await (await ctx.apiAs(asker.email))<{ id: string }>('POST', `/api/cohorts/${cohort.id}/threads`, { title: 'Pourquoi mon fetch renvoie undefined ?', body: 'Je fais `fetch(url).json()`.' });
    const reply = await (await ctx.apiAs(helper.email))<{ id: string }>('POST', `/api/threads/${thread.body.id}/replies`, { body: 'Il manque un `await` devant `response.json()`.' });
    expect(reply.status).toBe(201);

    const facilitatorPage = await (await newContext(ctx.browser)).newPage();
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await facilitatorPage.goto(`${ctx.stack.webUrl}/threads/${thread.body.id}`);
    const answer = facilitatorPage.getByRole('article', { name: 'la réponse de Théo Lambert' });
    await answer.getByRole('button', { name: 'Recommander' }).click();
    await answer.getByText('Recommandée par Julien Lefèvre').waitFor();
    await answer.getByRole('button', { name: 'Retirer la recommandation' }).waitFor();
    // A facilitator accepts too, and never answers anonymously.
    await answer.getByRole('button', { name: 'Accepter cette réponse' }).waitFor();
    expect(await facilitatorPage.getByLabel('Répondre anonymement').count()).toBe(0);
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    const [row] = (await ctx.dataSource.query(`SELECT endorsed_by AS "endorsedBy" FROM help_replies WHERE id = $1`, [reply.body.id])) as { endorsedBy: string }[];
    expect(row.endorsedBy).toBe(facilitator.id);

    // The helper reads the endorsement, without the facilitator's actions nor the asker's.
    const helperPage = await (await newContext(ctx.browser)).newPage();
    await signIn(helperPage, ctx.stack.webUrl, helper.email, DEFAULT_PASSWORD);
    await helperPage.goto(`${ctx.stack.webUrl}/threads/${thread.body.id}`);
    const seen = helperPage.getByRole('article', { name: 'la réponse de Théo Lambert' });
    await seen.getByText('Recommandée par Julien Lefèvre').waitFor();
    expect(await seen.getByRole('button', { name: /Recommander|Retirer la recommandation|Accepter cette réponse/ }).count()).toBe(0);
    await helperPage.getByLabel('Répondre anonymement').waitFor();
  }, 120_000);

  it('the author edits then deletes their reply, a facilitator hides the question; nobody else gets these actions', async () => {
    const cohort = await ctx.fixtures.cohort();
    const asker = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Nora Blanc' }));
    const helper = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Malik Haddad' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Sophie Roux' }));
    const TITLE_ASKED = 'Mon formulaire se recharge à chaque envoi';
    const FIRST = 'Ajoute `event.preventDefault()` dans le gestionnaire.';
    const EDITED = 'Ajoute `event.preventDefault()` au début du gestionnaire `submit`, pas du clic.';
    const REASON = 'Contient un mot de passe : reformule sans lui.';
    const thread = await (await ctx.apiAs(asker.email))<{ id: string }>('POST', `/api/cohorts/${cohort.id}/threads`, { title: TITLE_ASKED, body: 'Le `form` recharge la page, mot de passe : hunter2.' });
    const reply = await (await ctx.apiAs(helper.email))<{ id: string }>('POST', `/api/threads/${thread.body.id}/replies`, { body: FIRST });
    expect(reply.status).toBe(201);
    const threadUrl = `${ctx.stack.webUrl}/threads/${thread.body.id}`;

    // The asker manages their question, not the helper's reply.
    const askerPage = await (await newContext(ctx.browser)).newPage();
    await signIn(askerPage, ctx.stack.webUrl, asker.email, DEFAULT_PASSWORD);
    await askerPage.goto(threadUrl);
    const askerManages = askerPage.getByRole('group', { name: 'Gérer la question' });
    await askerManages.getByRole('button', { name: 'Modifier', exact: true }).waitFor();
    await askerManages.getByRole('button', { name: 'Supprimer', exact: true }).waitFor();
    expect(await askerManages.getByRole('button', { name: 'Masquer', exact: true }).count()).toBe(0);
    await askerPage.getByRole('article', { name: 'la réponse de Malik Haddad' }).getByText('dans le gestionnaire').waitFor();
    expect(await askerPage.getByRole('group', { name: 'Gérer la réponse de Malik Haddad' }).count()).toBe(0);

    // The helper edits their reply in place: an empty text first, refused next to the field.
    const helperPage = await (await newContext(ctx.browser, { viewport: { width: 375, height: 812 } })).newPage();
    await signIn(helperPage, ctx.stack.webUrl, helper.email, DEFAULT_PASSWORD);
    await helperPage.goto(threadUrl);
    const own = helperPage.getByRole('article', { name: 'la réponse de Malik Haddad' });
    await own.getByRole('button', { name: 'Modifier', exact: true }).click();
    const text = own.getByLabel('Texte de votre réponse');
    expect(await text.inputValue()).toBe(FIRST);
    await text.fill('');
    await own.getByRole('button', { name: 'Enregistrer' }).click();
    await own.getByText('Écrivez votre réponse avant de l’envoyer.').waitFor();
    expect(await errorOf(text)).toContain('Écrivez votre réponse avant de l’envoyer.');
    expect(await accessibilityViolations(helperPage)).toEqual([]);
    await screenshot(helperPage, 'thread-edit-reply');
    await text.fill(EDITED);
    await own.getByRole('button', { name: 'Enregistrer' }).click();
    await own.getByText('pas du clic').waitFor();
    await own.getByText(/modifiée le/).waitFor();
    // Saved, the form gives way to the post (once the thread is read again).
    await own.getByLabel('Texte de votre réponse').waitFor({ state: 'detached' });
    // The earlier version stays readable behind a disclosure.
    await own.getByText('Versions précédentes').click();
    await own.getByText(/^Version 1, écrite le/).waitFor();
    await own.getByText(/^Version 2 \(actuelle\)/).waitFor();
    expect(await accessibilityViolations(helperPage)).toEqual([]);
    // Not theirs: the question offers the helper no edit, delete nor hide.
    expect(await helperPage.getByRole('group', { name: 'Gérer la question' }).count()).toBe(0);
    expect(await helperPage.getByRole('button', { name: /^(Modifier|Supprimer|Masquer)$/ }).count()).toBe(2);
    expect(await own.getByRole('button', { name: /^(Modifier|Supprimer)$/ }).count()).toBe(2);
    const edited = await (await ctx.apiAs(helper.email))<{ items: { id: string; body: string; editedAt: string | null }[] }>('GET', `/api/threads/${thread.body.id}/replies`);
    expect(edited.body.items).toEqual([expect.objectContaining({ id: reply.body.id, body: EDITED, editedAt: expect.any(String) })]);

    // A facilitator hides the question with a reason; they still read it and may show it again.
    const facilitatorPage = await (await newContext(ctx.browser)).newPage();
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await facilitatorPage.goto(threadUrl);
    const moderation = facilitatorPage.getByRole('group', { name: 'Gérer la question' });
    expect(await moderation.getByRole('button', { name: /^(Modifier|Supprimer)$/ }).count()).toBe(0);
    await moderation.getByRole('button', { name: 'Masquer', exact: true }).click();
    await facilitatorPage.getByLabel('Raison (visible par tout le monde)').fill(REASON);
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await facilitatorPage.getByRole('button', { name: 'Masquer pour les apprenant·es' }).click();
    await facilitatorPage.getByText(`Masquée par l’équipe : ${REASON}`).waitFor();
    await moderation.getByRole('button', { name: 'Afficher à nouveau' }).waitFor();
    await facilitatorPage.getByRole('heading', { level: 1, name: TITLE_ASKED }).waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'thread-hidden');
    const [hidden] = (await ctx.dataSource.query(`SELECT hidden_reason AS "reason", hidden_by AS "by" FROM help_threads WHERE id = $1`, [thread.body.id])) as { reason: string; by: string }[];
    expect(hidden).toEqual({ reason: REASON, by: facilitator.id });

    // The helper sees it hidden: neither its title nor its text, the reason instead.
    await helperPage.reload();
    await helperPage.getByRole('heading', { level: 1, name: 'Question masquée par l’équipe' }).waitFor();
    await helperPage.getByText(`Masquée par l’équipe : ${REASON}`).waitFor();
    expect(await helperPage.getByText('hunter2').count()).toBe(0);
    expect(await helperPage.getByRole('heading', { name: TITLE_ASKED }).count()).toBe(0);
    expect(await helperPage.getByRole('button', { name: 'Afficher à nouveau' }).count()).toBe(0);
    expect(await accessibilityViolations(helperPage)).toEqual([]);

    // The helper deletes their reply, after confirming: what is left is the API's deleted reply.
    await own.getByRole('button', { name: 'Supprimer', exact: true }).click();
    const confirm = own.getByRole('button', { name: 'Confirmer la suppression' });
    await confirm.waitFor();
    expect(await helperPage.evaluate('document.activeElement.textContent')).toBe('Confirmer la suppression'); // the focus moved to it
    expect(await accessibilityViolations(helperPage)).toEqual([]);
    await confirm.click();
    await own.getByText('Réponse supprimée par son auteur·rice.').waitFor();
    expect(await own.getByText('pas du clic').count()).toBe(0);
    expect(await own.getByRole('button', { name: /^(Modifier|Supprimer|Confirmer la suppression)$/ }).count()).toBe(0);
    const after = await (await ctx.apiAs(asker.email))<{ items: { id: string; deleted: boolean; bodyHtml: string | null }[] }>('GET', `/api/threads/${thread.body.id}/replies`);
    expect(after.body.items).toEqual([expect.objectContaining({ id: reply.body.id, deleted: true, bodyHtml: null })]);
  }, 150_000);
});
