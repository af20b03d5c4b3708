/**
 * The triage cites the law as "AVG art. 33(1)", "AVG art. 34(3)(a)", "UAVG art. 42". Documents
 * cite it as a Dutch or French lawyer writes it: "art. 33 lid 1 AVG", "art. 4 onder 12 AVG",
 * "article 34, paragraphe 3, point a), du RGPD". Art. 4 has points, not paragraphs.
 */
import type { DocumentLanguage } from './context.js';

const CITATION = /\b(AVG|UAVG) art\. (\d+)(?:\((\d+)\))?(?:\(([a-z])\))?/g;

function citeNl(law: string, art: string, par?: string, point?: string): string {
  let s = `art. ${art}`;
  if (par !== undefined) s += art === '4' ? ` onder ${par}` : ` lid ${par}`;
  if (point !== undefined) s += ` onder ${point}`;
  return `${s} ${law}`;
}

function citeFr(law: string, art: string, par?: string, point?: string): string {
  let s = `article ${art}`;
  if (par !== undefined) s += art === '4' ? `, point ${par}` : `, paragraphe ${par}`;
  if (point !== undefined) s += `, point ${point})`;
  return law === 'AVG' ? `${s}, du RGPD` : `${s} de l’UAVG (loi néerlandaise d’exécution du RGPD)`;
}

/** Rewrite every "AVG art. N(p)(x)" citation in `basis`; other text stays (";" becomes "en"/"et" between two). */
export function citeLaw(basis: string, language: DocumentLanguage): string {
  const parts = basis
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) =>
      p.replace(CITATION, (_m, law: string, art: string, par?: string, point?: string) =>
        language === 'nl' ? citeNl(law, art, par, point) : citeFr(law, art, par, point),
      ),
    );
  if (parts.length <= 1) return parts.join('');
  const and = language === 'nl' ? 'en' : 'et';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
