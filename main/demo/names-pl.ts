// Polish names, streets and cities for the demo accounting database. Surnames are given in the
// masculine form; `feminine()` turns -ski/-cki/-dzki/-ny into -ska/-cka/-dzka/-na.

export const PL_CITIES: readonly { name: string; postal: string }[] = [
  { name: 'Lublin', postal: '20' },
  { name: 'Kraków', postal: '31' },
  { name: 'Warszawa', postal: '02' },
  { name: 'Wrocław', postal: '53' },
  { name: 'Poznań', postal: '61' },
  { name: 'Gdańsk', postal: '80' },
  { name: 'Łódź', postal: '93' },
  { name: 'Białystok', postal: '15' },
  { name: 'Rzeszów', postal: '35' },
  { name: 'Toruń', postal: '87' },
  { name: 'Kielce', postal: '25' },
  { name: 'Olsztyn', postal: '10' },
  { name: 'Opole', postal: '45' },
  { name: 'Katowice', postal: '40' },
  { name: 'Szczecin', postal: '71' },
  { name: 'Bydgoszcz', postal: '85' },
  { name: 'Częstochowa', postal: '42' },
  { name: 'Gdynia', postal: '81' },
  { name: 'Zielona Góra', postal: '65' },
  { name: 'Gorzów Wielkopolski', postal: '66' },
  { name: 'Radom', postal: '26' },
  { name: 'Płock', postal: '09' },
  { name: 'Elbląg', postal: '82' },
  { name: 'Tarnów', postal: '33' },
  { name: 'Koszalin', postal: '75' },
  { name: 'Legnica', postal: '59' },
  { name: 'Słupsk', postal: '76' },
  { name: 'Zamość', postal: '22' },
  { name: 'Świdnik', postal: '21' },
  { name: 'Łomża', postal: '18' },
];

export const PL_STREETS: readonly string[] = [
  'ul. Kwiatowa', 'ul. Słoneczna', 'ul. Lipowa', 'ul. Polna', 'ul. Leśna', 'ul. Ogrodowa', 'ul. Szkolna',
  'ul. Krótka', 'ul. Długa', 'ul. Brzozowa', 'ul. Łąkowa', 'ul. Adama Mickiewicza', 'ul. Tadeusza Kościuszki',
  'ul. Henryka Sienkiewicza', 'ul. Stefana Żeromskiego', 'ul. Juliusza Słowackiego', 'ul. Mikołaja Kopernika',
  'ul. Fryderyka Chopina', 'ul. Marii Konopnickiej', 'ul. Władysława Reymonta', 'ul. Bolesława Prusa',
  'ul. Elizy Orzeszkowej', 'ul. Stanisława Wyspiańskiego', 'ul. Jana Matejki', 'ul. Stanisława Moniuszki',
  'ul. Cypriana Norwida', 'ul. Stanisława Staszica', 'ul. Romualda Traugutta', 'ul. Jana Kilińskiego',
  'ul. Jagiellońska', 'ul. Piastowska', 'ul. Grunwaldzka', 'ul. Wojska Polskiego', 'ul. 3 Maja',
  'ul. 11 Listopada', 'ul. Armii Krajowej', 'ul. Solidarności', 'ul. Zwycięstwa', 'ul. Wolności',
  'ul. Niepodległości', 'ul. Kolejowa', 'ul. Dworcowa', 'ul. Spółdzielcza', 'ul. Osiedlowa', 'ul. Źródlana',
  'ul. Żwirki i Wigury', 'ul. Wiśniowa', 'ul. Jaśminowa', 'ul. Różana', 'ul. Akacjowa', 'ul. Klonowa',
  'ul. Dębowa', 'ul. Sosnowa', 'ul. Świerkowa', 'ul. Jesionowa', 'ul. Wrzosowa', 'ul. Modrzewiowa',
  'ul. Kasztanowa', 'ul. Cicha', 'ul. Spokojna', 'ul. Zielona', 'ul. Pogodna', 'ul. Gęsia', 'ul. Żurawia',
  'ul. Bławatkowa', 'ul. Chabrowa', 'ul. Ułańska', 'ul. Marii Skłodowskiej-Curie', 'ul. Księcia Józefa Poniatowskiego',
  'al. Jana Pawła II', 'al. Racławickie', 'al. Kraśnicka', 'al. Tysiąclecia', 'al. Róż', 'os. Złota Jesień',
  'os. Przyjaźń', 'ul. Świętokrzyska', 'ul. Mazowiecka', 'ul. Śląska', 'ul. Podhalańska', 'ul. Kaszubska',
];

export const PL_MALE: readonly string[] = [
  'Jan', 'Andrzej', 'Piotr', 'Krzysztof', 'Stanisław', 'Tomasz', 'Paweł', 'Józef', 'Marcin', 'Marek', 'Michał',
  'Grzegorz', 'Jerzy', 'Tadeusz', 'Adam', 'Łukasz', 'Zbigniew', 'Ryszard', 'Dariusz', 'Henryk', 'Mariusz',
  'Kazimierz', 'Wojciech', 'Robert', 'Mateusz', 'Marian', 'Rafał', 'Jacek', 'Janusz', 'Mirosław', 'Maciej',
  'Sławomir', 'Jarosław', 'Kamil', 'Wiesław', 'Roman', 'Władysław', 'Jakub', 'Artur', 'Zdzisław', 'Edward',
  'Mieczysław', 'Damian', 'Dawid', 'Przemysław', 'Sebastian', 'Czesław', 'Leszek', 'Daniel', 'Bogdan',
  'Bożydar', 'Zenon', 'Bolesław', 'Szymon', 'Ignacy', 'Bartłomiej', 'Radosław', 'Bronisław',
];

export const PL_FEMALE: readonly string[] = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Krystyna', 'Barbara', 'Ewa', 'Elżbieta', 'Zofia',
  'Janina', 'Teresa', 'Joanna', 'Magdalena', 'Monika', 'Jadwiga', 'Danuta', 'Irena', 'Halina', 'Helena',
  'Beata', 'Aleksandra', 'Marta', 'Dorota', 'Marianna', 'Grażyna', 'Jolanta', 'Stanisława', 'Iwona',
  'Karolina', 'Bożena', 'Urszula', 'Justyna', 'Renata', 'Alicja', 'Paulina', 'Sylwia', 'Natalia', 'Wiesława',
  'Agata', 'Aneta', 'Izabela', 'Ewelina', 'Łucja', 'Weronika', 'Żaneta', 'Gabriela', 'Genowefa', 'Bogumiła',
  'Jagoda', 'Kazimiera', 'Wanda', 'Sabina', 'Róża',
];

export const PL_SURNAMES: readonly string[] = [
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
  'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski', 'Krawczyk',
  'Kaczmarek', 'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński',
  'Wróbel', 'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek',
  'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski', 'Michalak',
  'Szewczyk', 'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Marciniak', 'Jasiński',
  'Zawadzki', 'Bąk', 'Jakubowski', 'Sadowski', 'Duda', 'Włodarczyk', 'Wilk', 'Chmielewski', 'Borkowski',
  'Sokołowski', 'Szczepański', 'Sawicki', 'Lis', 'Kucharski', 'Mazurek', 'Kubiak', 'Kalinowski', 'Wysocki',
  'Kołodziej', 'Czarnecki', 'Sobczak', 'Konieczny', 'Urbański', 'Głowacki', 'Zakrzewski', 'Krajewski',
  'Błaszczyk', 'Gołębiowski', 'Żak', 'Śliwiński', 'Ćwikliński', 'Łuczak', 'Żukowski', 'Ziółkowski',
];

export function plFeminine(surname: string): string {
  if (surname.endsWith('ski') || surname.endsWith('cki') || surname.endsWith('dzki')) return surname.slice(0, -1) + 'a';
  if (surname.endsWith('ny')) return surname.slice(0, -1) + 'a';
  return surname;
}

export const PL_COOPERATIVES: readonly string[] = [
  'Zorza', 'Przyszłość', 'Słoneczne Wzgórze', 'Nasz Dom', 'Zacisze', 'Źródło', 'Jedność', 'Pogodna Jesień',
  'Śródmieście', 'Czyżyny', 'Łokietek', 'Społem', 'Żuraw', 'Świt', 'Kłos',
];

export const PL_SHOP_KINDS: readonly string[] = [
  'Apteka', 'Piekarnia', 'Salon Fryzjerski', 'Sklep Spożywczy', 'Kwiaciarnia', 'Biuro Rachunkowe',
  'Gabinet Stomatologiczny', 'Pracownia Krawiecka', 'Kancelaria Notarialna', 'Pizzeria', 'Księgarnia',
  'Zakład Szewski', 'Gabinet Weterynaryjny', 'Cukiernia', 'Optyk',
];

export const PL_SHOP_NAMES: readonly string[] = [
  'Zdrowie', 'Pod Lipami', 'Złoty Kłos', 'Różany Ogród', 'Źródełko', 'Słonecznik', 'Jaś i Małgosia', 'Wrzos',
  'Pod Kasztanem', 'Łasuch', 'Pszczółka', 'Sowa', 'Bławatek', 'Żak',
];

export const PL_LEGAL_FORMS: readonly string[] = ['sp. z o.o.', 's.c.', 'sp.j.'];

export const PL_BENEFITS: readonly { code: string; name: string; discountPct: string }[] = [
  { code: 'KOMB', name: 'Ulga kombatancka', discountPct: '50.00' },
  { code: 'NPS', name: 'Ulga dla osoby z niepełnosprawnością', discountPct: '25.00' },
  { code: 'KDR', name: 'Karta Dużej Rodziny', discountPct: '10.00' },
  { code: 'SEN', name: 'Ulga senioralna (Rada Nadzorcza)', discountPct: '15.00' },
];

export const PL_ESTATES: readonly string[] = [
  'Administracja Osiedla nr 1', 'Administracja Osiedla nr 2', 'Administracja Osiedla „Skarpa”',
  'Administracja Osiedla „Łęgi”', 'Administracja Osiedla „Śnieżka”',
];

export const PL_NOTES: readonly string[] = [
  'Od stycznia zmiana stawki funduszu remontowego.',
  'Przegląd kominiarski: termin podany na klatce schodowej.',
  'Walne Zgromadzenie — szczegóły w biurze spółdzielni.',
  'Prosimy o podanie odczytów wodomierzy do 25. dnia miesiąca.',
  'Wymiana wodomierzy w budynku — prosimy o udostępnienie lokalu.',
  'Zaległość w opłatach — prosimy o kontakt z działem windykacji.',
];
