import { anonymityNotice, mayAccept, normalizeTags, voteRefusal } from './posts.js';
import { handleOf, mentionedHandles } from './mentions.js';
import { anyWordQuery } from './similar.js';

describe('peer-help rules', () => {
  it('normalises tags and names the bad one', () => {
    expect(normalizeTags([' CSS ', 'flexbox', 'css'])).toEqual({ tags: ['css', 'flexbox'] });
    expect(normalizeTags(['c#', 'node.js', 'c++'])).toEqual({ tags: ['c#', 'node.js', 'c++'] });
    expect(normalizeTags(['une balise'])).toEqual({ problem: expect.stringContaining('"une balise"') });
    expect(normalizeTags(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual({ problem: 'at most 5 tags' });
  });

  it('refuses a vote on your own post, lets the author or a moderator accept', () => {
    expect(voteRefusal({ isAuthor: true, isModerator: false })).toMatch(/own post/);
    expect(voteRefusal({ isAuthor: false, isModerator: true })).toBeNull();
    expect(mayAccept({ isAuthor: true, isModerator: false })).toBe(true);
    expect(mayAccept({ isAuthor: false, isModerator: true })).toBe(true);
    expect(mayAccept({ isAuthor: false, isModerator: false })).toBe(false);
  });

  it('says plainly who sees the author of an anonymous post', () => {
    expect(anonymityNotice('peer')).toMatch(/facilitators can see/);
    expect(anonymityNotice('revealed')).toMatch(/you see the author/);
    expect(anonymityNotice('author')).toMatch(/You posted this anonymously/);
  });

  it('derives handles from display names, accents and spaces removed', () => {
    expect(handleOf('Aïcha Traoré')).toBe('aicha.traore');
    expect(handleOf('  Jean-Émile  Dupont ')).toBe('jean-emile.dupont');
    expect(handleOf("Kévin D'Almeida")).toBe('kevin.dalmeida');
  });

  it('finds mentions in prose, not in code or e-mail addresses', () => {
    const body = [
      'Merci @Aïcha.Traoré et @kevin.dasilva, voir aussi @julien.',
      'Écris-moi à sandrine@exemple.fr',
      '`@Injectable()` en ligne',
      '```ts',
      '@Component({})',
      '```',
      '    @indented.code',
      '(@sandrine.lemaire) @kevin.dasilva',
    ].join('\n');
    expect(mentionedHandles(body).sort()).toEqual(['aicha.traore', 'julien', 'kevin.dasilva', 'sandrine.lemaire']);
    expect(mentionedHandles('pas de mention ici')).toEqual([]);
  });

  it('turns a typed title into an any-word query without search syntax', () => {
    expect(anyWordQuery('Comment centrer une div ?')).toBe('Comment or centrer or une or div');
    expect(anyWordQuery('"git" -rebase or merge')).toBe('git or rebase or merge');
    expect(anyWordQuery('c++ ou c#')).toBe('c++ or ou or c#');
    expect(anyWordQuery('   ')).toBe('');
  });
});
