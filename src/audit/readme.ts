/** README.txt of an audit pack: what is in it, in Dutch, for auditors, insurers and the authority (pure). */
export const README_PATH = 'README.txt';

export const README_TEXT = `Auditpakket van datalek

Dit pakket bevat alles wat over de gekozen datalekken is vastgelegd en besloten. In incidents/
staan de incidentbestanden (YAML) precies zoals het kantoor ze bijhoudt. In triage/ staat per
incident de uitkomst van de triage als JSON: het beslispad (elke stap met vraag, antwoord, reden en
wetsartikel), het risico met de ENISA-score, de meldplicht en de termijn van 72 uur. In documents/
staan de brieven en meldingen die voor het incident gelden (PDF en DOCX), en in register/ het
register van datalekken van elke betrokken organisatie (PDF, DOCX en CSV; het register toont alle
incidenten van die organisatie, ook die buiten de selectie). In history/ staat per incident de
geschiedenis van het bestand in git (commits, auteurs en data), of een toelichting als die er niet
is. validation.txt en validation.json geven het controlerapport, versions.json de versies van
datalek, van het triagebeleid en van elk gebruikt sjabloonpakket.

manifest.json noemt elk ander bestand in dit pakket met zijn SHA-256-hash en grootte, en de selectie
waarvoor het pakket is gemaakt. Controleer het pakket met \`datalek pack --verify <bestand>.zip\`: dat
berekent elke hash opnieuw en noemt precies welke bestanden gewijzigd zijn, ontbreken of zijn
toegevoegd. Hetzelfde pakket opnieuw maken uit dezelfde gegevens geeft byte voor byte hetzelfde
zipbestand; daarom dragen alle bestanden in de zip een vaste datum (SOURCE_DATE_EPOCH, anders het
laatste tijdstip in de gekozen incidenten) in plaats van het moment van aanmaken. Wie de
ongeschondenheid ook buiten het pakket wil kunnen aantonen, legt de SHA-256 van manifest.json of
van het hele zipbestand apart vast.
`;
