import type { Channel } from '../../domain/report-types.ts';

/**
 * Polish wording for demo reports: generic situations a resident would describe, with no street
 * names, house numbers or people, so nothing generated can be mistaken for a real case.
 */
export interface CategoryTexts {
	/** Title and description pairs, so the two always tell the same story. */
	reports: readonly (readonly [title: string, description: string])[];
	/** Public notes of the unit that fixed it. */
	resolved: readonly string[];
}

export const CATEGORY_TEXTS: Readonly<Record<string, CategoryTexts>> = {
	pothole: {
		reports: [
			['Dziura w jezdni', 'Na jezdni powstała głęboka dziura, samochody muszą ją omijać.'],
			['Głęboki ubytek w asfalcie', 'Ubytek w asfalcie powiększa się po każdym deszczu, w zagłębieniu stoi woda.'],
			['Zapadnięta studzienka w jezdni', 'Studzienka kanalizacyjna jest zapadnięta kilka centymetrów poniżej poziomu jezdni.'],
			['Uszkodzona nawierzchnia drogi', 'Nawierzchnia jest popękana na dłuższym odcinku, odpadają kawałki asfaltu.'],
			['Wyrwa w asfalcie przy krawężniku', 'Dziura przy krawężniku jest niebezpieczna dla rowerzystów.']
		],
		resolved: ['Ubytek w nawierzchni został uzupełniony.', 'Nawierzchnia została naprawiona.']
	},
	pavement: {
		reports: [
			['Uszkodzony chodnik', 'Płyty chodnikowe są poluzowane i ruszają się pod nogami.'],
			['Zapadnięty fragment chodnika', 'Fragment chodnika zapadł się, po deszczu zbiera się tam woda.'],
			['Wystająca kostka na chodniku', 'Kostka brukowa wystaje, łatwo się o nią potknąć.'],
			['Brakujące płyty chodnikowe', 'W chodniku brakuje kilku płyt, trudno przejechać wózkiem.'],
			['Wyszczerbiony krawężnik', 'Krawężnik jest wyszczerbiony i odspojony od chodnika.']
		],
		resolved: ['Chodnik został naprawiony.', 'Uszkodzone płyty chodnikowe wymieniono.']
	},
	street_cleaning: {
		reports: [
			['Zaśmiecony chodnik', 'Na chodniku leży dużo śmieci, od kilku dni nikt ich nie sprząta.'],
			['Piasek na poboczu po zimie', 'Po zimie na poboczu zalega piasek i żwir.'],
			['Rozbite szkło na chodniku', 'Na chodniku leży rozbite szkło, niebezpieczne dla psów i dzieci.'],
			['Błoto na jezdni', 'Jezdnia jest zabrudzona błotem wywożonym z pobliskiej budowy.'],
			['Śmieci wokół przystanku', 'Wokół wiaty przystankowej zalegają śmieci i niedopałki.']
		],
		resolved: ['Teren został posprzątany.', 'Wykonano sprzątanie wskazanego miejsca.']
	},
	grass_mowing: {
		reports: [
			['Nieskoszona trawa', 'Trawa na pasie zieleni jest bardzo wysoka i wchodzi na chodnik.'],
			['Nieskoszony trawnik', 'Trawnik nie był koszony od wielu tygodni.'],
			['Trawa ogranicza widoczność', 'Wysoka trawa przy skrzyżowaniu ogranicza widoczność kierowcom.'],
			['Zarośnięty pas zieleni', 'Pas zieleni między jezdnią a chodnikiem zarósł chwastami.']
		],
		resolved: ['Trawa została skoszona.', 'Teren skoszono w ramach bieżącego utrzymania zieleni.']
	},
	leaves: {
		reports: [
			['Niezgrabione liście', 'Chodnik pokrywa gruba warstwa mokrych liści, jest bardzo ślisko.'],
			['Liście na chodniku', 'Liście zalegają na trawniku i zatykają studzienki.'],
			['Śliskie liście na drodze rowerowej', 'Na drodze rowerowej leżą liście, łatwo o poślizg.'],
			['Nieodebrane worki z liśćmi', 'Worki ze zgrabionymi liśćmi stoją od kilku dni i nie zostały odebrane.']
		],
		resolved: ['Liście zostały zgrabione i wywiezione.', 'Teren uprzątnięto z liści.']
	},
	greenery: {
		reports: [
			['Nadłamana gałąź', 'Duża gałąź jest nadłamana i zwisa nad chodnikiem.'],
			['Drzewo do przycięcia', 'Gałęzie drzewa zasłaniają latarnię i znak drogowy.'],
			['Przewrócone drzewo', 'Po wichurze drzewo przewróciło się na trawnik.'],
			['Rozjeżdżony trawnik', 'Trawnik jest rozjeżdżony przez parkujące samochody.'],
			['Krzewy zasłaniają chodnik', 'Krzewy przerosły na chodnik i utrudniają przejście.']
		],
		resolved: ['Wykonano cięcia pielęgnacyjne.', 'Uszkodzone drzewo zostało zabezpieczone.']
	},
	playground: {
		reports: [
			['Uszkodzona huśtawka', 'Huśtawka ma zerwany łańcuch, dzieci nie mogą z niej korzystać.'],
			['Zniszczone urządzenie na placu zabaw', 'Ze zjeżdżalni wystają śruby, można się skaleczyć.'],
			['Połamana ławka na placu zabaw', 'Deski w ławce są połamane.'],
			['Dziura w ogrodzeniu placu zabaw', 'W ogrodzeniu placu zabaw jest dziura, a furtka się nie zamyka.']
		],
		resolved: ['Urządzenie zostało naprawione.', 'Uszkodzone elementy wymieniono.']
	},
	bins_waste: {
		reports: [
			['Przepełniony kosz na śmieci', 'Kosz jest przepełniony, śmieci leżą obok na chodniku.'],
			['Dzikie wysypisko', 'Ktoś wyrzucił gruz i worki ze śmieciami na teren zielony.'],
			['Porzucone meble przy śmietniku', 'Przy altanie śmietnikowej leżą stare meble i materace.'],
			['Uszkodzony kosz uliczny', 'Kosz na śmieci jest urwany i leży na ziemi.'],
			['Nieodebrane odpady', 'Odpady nie zostały odebrane w wyznaczonym terminie.']
		],
		resolved: ['Odpady zostały uprzątnięte.', 'Kosz opróżniono i naprawiono.']
	},
	street_lighting: {
		reports: [
			['Nie świeci latarnia', 'Latarnia nie świeci od kilku dni, wieczorem jest bardzo ciemno.'],
			['Kilka niedziałających lamp', 'Na całym odcinku ulicy nie działa oświetlenie.'],
			['Latarnia świeci w dzień', 'Lampa świeci przez cały dzień.'],
			['Uszkodzony słup oświetleniowy', 'Słup oświetleniowy jest przechylony, a drzwiczki wnęki są otwarte.'],
			['Migająca lampa uliczna', 'Lampa miga i co chwilę gaśnie.']
		],
		resolved: ['Oświetlenie zostało naprawione.', 'Wymieniono źródło światła.']
	},
	signs_traffic: {
		reports: [
			['Nie działa sygnalizacja świetlna', 'Sygnalizacja na skrzyżowaniu miga na żółto.'],
			['Przewrócony znak drogowy', 'Znak drogowy leży przewrócony na chodniku.'],
			['Nieczytelne przejście dla pieszych', 'Pasy na przejściu dla pieszych są prawie niewidoczne.'],
			['Znak zasłonięty przez gałęzie', 'Znak ograniczenia prędkości jest zasłonięty przez gałęzie.'],
			['Nie działa przycisk na przejściu', 'Przycisk dla pieszych nie reaguje, zielone światło się nie zapala.']
		],
		resolved: ['Oznakowanie zostało uzupełnione.', 'Usterkę sygnalizacji usunięto.']
	},
	abandoned_vehicle: {
		reports: [
			['Porzucony samochód', 'Samochód stoi w tym samym miejscu od kilku miesięcy i ma przebite opony.'],
			['Wrak na parkingu', 'Na parkingu stoi zniszczony pojazd bez tablic rejestracyjnych.'],
			['Zarośnięty, nieużywany samochód', 'Auto jest zarośnięte i zaśmiecone, wygląda na porzucone.'],
			['Porzucona przyczepa', 'Przyczepa od dawna stoi na poboczu i zajmuje miejsce parkingowe.']
		],
		resolved: ['Pojazd został usunięty.', 'Pojazd usunięto po wezwaniu właściciela.']
	},
	graffiti: {
		reports: [
			['Graffiti na elewacji', 'Na ścianie budynku pojawiły się nowe napisy sprayem.'],
			['Pomazana wiata przystankowa', 'Wiata przystankowa jest pomazana farbą.'],
			['Graffiti w przejściu podziemnym', 'Ściany przejścia są pokryte graffiti.'],
			['Wulgarne napisy na murze', 'Na murze są wulgarne napisy widoczne z ulicy.']
		],
		resolved: ['Napisy zostały usunięte.', 'Powierzchnię oczyszczono i zamalowano.']
	},
	transport_stop: {
		reports: [
			['Zniszczona wiata przystankowa', 'W wiacie przystankowej wybito szybę, szkło leży na chodniku.'],
			['Nie działa tablica z odjazdami', 'Elektroniczna tablica informacyjna nie wyświetla odjazdów.'],
			['Brak rozkładu jazdy na przystanku', 'Na przystanku brakuje aktualnego rozkładu jazdy.'],
			['Uszkodzona ławka w wiacie', 'Ławka w wiacie przystankowej jest połamana.']
		],
		resolved: ['Wiata została naprawiona.', 'Uzupełniono informację pasażerską.']
	},
	homeless_help: {
		reports: [
			['Osoba potrzebująca pomocy', 'Na przystanku od kilku godzin przebywa osoba, która może potrzebować pomocy.'],
			['Osoba w kryzysie bezdomności', 'Pod wiaduktem nocuje osoba w kryzysie bezdomności.'],
			['Osoba śpiąca na ławce w mróz', 'Przy niskiej temperaturze na ławce śpi osoba, proszę o sprawdzenie.']
		],
		resolved: ['Pracownicy socjalni udzielili pomocy.', 'Zaproponowano miejsce w noclegowni.']
	},
	other_problem: {
		reports: [
			['Wyrwana barierka', 'Barierka przy schodach jest wyrwana, łatwo o upadek.'],
			['Zatkana studzienka', 'Po każdym deszczu tworzy się duża kałuża, studzienka jest zatkana.'],
			['Przewrócone ogrodzenie', 'Ogrodzenie terenu miejskiego jest przewrócone.'],
			['Zniszczona tablica informacyjna', 'Tablica informacyjna jest uszkodzona i nieczytelna.']
		],
		resolved: ['Usterka została usunięta.', 'Sprawę załatwiono.']
	},
	green_patch: {
		reports: [
			['Posadzenie drzew wzdłuż ulicy', 'Proponuję posadzić drzewa, które dadzą cień w upalne dni.'],
			['Skwer zamiast betonowego placu', 'Betonowy plac można zamienić w skwer z ławkami i krzewami.'],
			['Łąka kwietna zamiast trawnika', 'Zamiast często koszonego trawnika warto założyć łąkę kwietną.'],
			['Więcej zieleni przy przystanku', 'Przy przystanku przydałyby się donice z roślinami.']
		],
		resolved: ['Propozycję uwzględniono w planie nasadzeń.', 'Nasadzenia zostały wykonane.']
	},
	street_furniture: {
		reports: [
			['Nowa ławka przy alejce', 'Na długiej alejce brakuje miejsca do odpoczynku dla starszych osób.'],
			['Stojaki rowerowe przy sklepach', 'Rowery są przypinane do barierek, przydałyby się stojaki.'],
			['Dodatkowy kosz na śmieci', 'W tym miejscu brakuje kosza, śmieci lądują na trawniku.'],
			['Ławki przy placu zabaw', 'Rodzice czekający przy placu zabaw nie mają gdzie usiąść.']
		],
		resolved: ['Ustawiono nowe elementy małej architektury.', 'Propozycja została zrealizowana.']
	},
	traffic_safety: {
		reports: [
			['Progi zwalniające przy szkole', 'Samochody jeżdżą tu bardzo szybko, a codziennie przechodzą tędy dzieci.'],
			['Nowe przejście dla pieszych', 'Mieszkańcy przechodzą przez jezdnię w miejscu bez przejścia.'],
			['Doświetlenie przejścia dla pieszych', 'Przejście dla pieszych jest słabo widoczne po zmroku.'],
			['Słupki przeciw parkowaniu na chodniku', 'Samochody parkują na całej szerokości chodnika.']
		],
		resolved: ['Wprowadzono zmianę organizacji ruchu.', 'Propozycja została zrealizowana.']
	},
	leisure: {
		reports: [
			['Siłownia plenerowa w parku', 'W parku brakuje miejsca do ćwiczeń na świeżym powietrzu.'],
			['Wybieg dla psów', 'Na osiedlu jest wiele psów, a nie ma ogrodzonego wybiegu.'],
			['Miejsce spotkań dla młodzieży', 'Młodzież nie ma gdzie spędzać czasu po szkole, przydałby się stół do ping-ponga i ławki.'],
			['Plac zabaw dla starszych dzieci', 'Przydałby się plac zabaw z urządzeniami dla starszych dzieci.']
		],
		resolved: ['Propozycja została zrealizowana.', 'Pomysł zrealizowano w ramach budżetu dzielnicy.']
	},
	other_idea: {
		reports: [
			['Poidełko z wodą pitną', 'W upalne dni przydałoby się ogólnodostępne źródło wody pitnej.'],
			['Tablica z mapą okolicy', 'Turyści i nowi mieszkańcy często pytają o drogę, przydałaby się mapa.'],
			['Ogród społeczny na osiedlu', 'Nieużytek można zamienić w ogród uprawiany przez sąsiadów.'],
			['Zadaszone miejsce na rowery', 'Przy szkole brakuje zadaszonego miejsca na rowery.']
		],
		resolved: ['Propozycja została zrealizowana.', 'Pomysł wdrożono we współpracy z radą dzielnicy.']
	}
};

export const PROBLEM_ENDINGS = ['', '', ' Proszę o interwencję.', ' Sytuacja trwa od kilku dni.', ' Problem był już wcześniej zgłaszany.', ' Zagraża to bezpieczeństwu przechodniów.'];
export const IDEA_ENDINGS = ['', ' Skorzystałoby na tym wielu mieszkańców.', ' Proszę o rozważenie tej propozycji.'];

/** How an operator marks a report they typed in for someone. */
export const CHANNEL_PREFIXES: Readonly<Record<Channel, string>> = {
	online: '',
	phone: 'Zgłoszenie przyjęte telefonicznie. ',
	email: 'Zgłoszenie przesłane pocztą elektroniczną. ',
	in_person: 'Zgłoszenie przyjęte osobiście w punkcie obsługi. '
};

export const NOTES = {
	accepted: 'Zgłoszenie zostało przyjęte do weryfikacji.',
	forwarded: (unit: string) => `Zgłoszenie przekazano do jednostki: ${unit}.`,
	inProgress: ['Zlecono wykonanie prac.', 'Sprawa jest w realizacji.', 'Prace zaplanowano w najbliższym terminie.'],
	rejectedByKck: ['Zgłoszenie odrzucone: opis nie pozwala ustalić miejsca ani zakresu problemu.', 'Zgłoszenie odrzucone: wskazana sytuacja nie wymaga interwencji.'],
	rejectedByUnit: ['Po weryfikacji w terenie nie stwierdzono nieprawidłowości.', 'Wskazanych prac nie można wykonać w tym miejscu.'],
	rejectedIdea: ['Propozycji nie można zrealizować w tej lokalizacji.', 'Propozycja nie uzyskała finansowania.'],
	notCompetent: [
		'Teren nie jest zarządzany przez Gminę Miejską Kraków; prosimy o kontakt z jego zarządcą.',
		'Sprawa nie należy do kompetencji miasta (teren prywatny, spółdzielczy lub kolejowy).'
	],
	duplicate: 'Ten sam problem zgłoszono już wcześniej; sprawa jest prowadzona w ramach tamtego zgłoszenia.'
} as const;
