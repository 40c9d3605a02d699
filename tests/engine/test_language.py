"""`detect_language` on realistic social-media texts: ten per Latin language, every script, the
texts it must call undetermined, and mixed scripts (its speed is in bench/discovery.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.discovery.language import LATIN_LANGUAGES, UNDETERMINED, detect_language

LATIN_TEXTS: dict[str, list[str]] = {
    "en": [
        "@AcmeAir my flight was cancelled and nobody at the desk can tell me why 😡 #fail",
        "Still waiting for my refund after 3 weeks. This is ridiculous @ShopCo",
        "thanks so much for the quick help today, you guys are great!!",
        "Why does the app keep crashing when I try to log in? https://t.co/abc123",
        "is anyone else having problems with their internet tonight? down for 2 hours now",
        "Just got my order and it's the wrong size again. What do I do now?",
        "@BankHelp I can't access my account, the reset link doesn't work",
        "Huge shoutout to Sarah from customer service, she sorted everything out in 5 min 🙌",
        "where is my package?? tracking says delivered but it's not here",
        "love the new update but please bring back dark mode",
    ],
    "es": [
        "@Movistar llevo tres días sin internet y nadie me da una solución 😤",
        "¿Cuándo van a devolverme el dinero? Ya van dos semanas",
        "Muchas gracias por la ayuda, el problema ya está resuelto 👍",
        "mi pedido no ha llegado todavia y el seguimiento no funciona https://t.co/x1",
        "Pésimo servicio, me cobraron dos veces la misma factura #indignado",
        "hola, alguien sabe por que no puedo entrar en la app desde ayer?",
        "Que buena atención en la tienda de Madrid, los recomiendo 100%",
        "@Iberia el vuelo IB3456 lleva 3 horas de retraso y no nos dicen nada",
        "estoy harto de llamar y que nadie conteste, es una vergüenza",
        "¡Por fin llegó mi paquete! Todo perfecto, gracias equipo",
    ],
    "fr": [
        "@SNCF encore un train annulé sans explication, c'est inadmissible 😡",
        "Bonjour, ma commande n'est toujours pas arrivée depuis 10 jours, que se passe-t-il ?",
        "merci pour votre aide rapide, tout fonctionne maintenant !",
        "Pourquoi l'application plante à chaque fois que j'ouvre mon compte ? https://t.co/z9",
        "je suis très déçu du service client, personne ne répond au téléphone",
        "Super accueil dans votre boutique de Lyon, bravo à toute l’équipe 👏",
        "ca fait 3 jours que je n'ai plus internet, vous comptez faire quelque chose ?",
        "@Free le debit est catastrophique ce soir, c'est toujours pareil #fibre",
        "j'ai été débité deux fois pour la même commande, remboursez moi svp",
        "Livraison reçue, le colis était abîmé mais le produit est ok",
    ],
    "de": [
        "@DB_Bahn schon wieder 40 Minuten Verspätung und keine Durchsage 🙄",
        "Meine Bestellung ist immer noch nicht angekommen. Wann kommt das Paket?",
        "danke für die schnelle Hilfe, jetzt funktioniert alles wieder!",
        "Warum kann ich mich seit gestern nicht mehr in der App anmelden? https://t.co/q1",
        "Der Kundenservice ist eine Katastrophe, niemand geht ans Telefon",
        "Super freundliche Beratung im Laden in München, gerne wieder 👍",
        "habe zweimal bezahlt und noch keine Rueckerstattung bekommen #aergerlich",
        "@Telekom_hilft Internet ist seit heute morgen weg, bitte um Hilfe",
        "wie lange dauert es noch bis mein Geld zurück ist?",
        "Das neue Update ist echt gut, aber der Akku hält nicht mehr so lange",
    ],
    "it": [
        "@Trenitalia ennesimo ritardo di un'ora senza nessun avviso 😡",
        "Il mio ordine non è ancora arrivato, potete darmi informazioni?",
        "grazie mille per l'aiuto, adesso funziona tutto!",
        "Perché l'app si blocca ogni volta che provo a pagare? https://t.co/it1",
        "servizio clienti pessimo, nessuno risponde al telefono da giorni",
        "Complimenti al personale del negozio di Milano, sono stati gentilissimi 👏",
        "ho pagato due volte lo stesso ordine e ancora non mi hanno rimborsato",
        "@TIM_Official la fibra non funziona da ieri sera, quando la sistemate?",
        "qualcuno sa come si cambia la password? non trovo l'opzione",
        "Pacco arrivato oggi, tutto perfetto, consiglio questo negozio #soddisfatto",
    ],
    "pt": [
        "@VivoBR estou sem internet há três dias e ninguém resolve 😤",
        "Meu pedido ainda não chegou, vocês podem me ajudar?",
        "obrigado pelo atendimento rápido, problema resolvido!",
        "Por que o aplicativo fecha toda vez que tento pagar? https://t.co/pt1",
        "péssimo atendimento, fiquei uma hora esperando no telefone",
        "Adorei a loja nova do shopping, os funcionários são muito simpáticos 👏",
        "fui cobrado duas vezes pela mesma compra e até agora nada do estorno",
        "@Nubank nao consigo acessar minha conta desde ontem, o que aconteceu?",
        "alguém sabe quando volta o sinal? aqui no bairro está sem luz",
        "Chegou tudo certinho, recomendo demais, obrigada #feliz",
    ],
    "nl": [
        "@NS_online alweer een trein uitgevallen en geen enkele informatie 😡",
        "Mijn bestelling is nog steeds niet bezorgd, wanneer komt het pakket?",
        "bedankt voor de snelle hulp, alles werkt weer!",
        "Waarom crasht de app elke keer als ik wil inloggen? https://t.co/nl1",
        "De klantenservice is echt slecht, niemand neemt de telefoon op",
        "Super vriendelijk geholpen in de winkel in Utrecht, top 👍",
        "ik heb twee keer betaald en nog steeds geen terugbetaling ontvangen",
        "@KPN internet ligt er al de hele dag uit, kunnen jullie helpen?",
        "hoe lang duurt het nog voordat mijn geld terug is?",
        "Pakket vandaag ontvangen, netjes verpakt, echt een aanrader #tevreden",
    ],
    "pl": [
        "@PKP_Intercity znowu opóźnienie i żadnej informacji 😡",
        "Moje zamówienie jeszcze nie dotarło, kiedy mogę się go spodziewać?",
        "dziękuję za szybką pomoc, wszystko już działa!",
        "Dlaczego aplikacja się zawiesza przy każdej płatności? https://t.co/pl1",
        "obsługa klienta to porażka, nikt nie odbiera telefonu",
        "Bardzo miła obsługa w sklepie w Krakowie, polecam 👍",
        "zaplacilem dwa razy i nadal nie dostalem zwrotu pieniedzy",
        "@Orange_Polska nie mam internetu od wczoraj, co się dzieje?",
        "jak dlugo jeszcze trzeba czekac na zwrot? to juz trzeci tydzien",
        "Paczka dotarła dzisiaj, wszystko w porządku #polecam",
    ],
    "tr": [
        "@TurkTelekom iki gündür internetim yok ve kimse yardımcı olmuyor 😡",
        "Siparişim hala gelmedi, ne zaman teslim edilecek?",
        "hızlı yardımınız için çok teşekkürler, sorun çözüldü!",
        "Uygulama neden sürekli kapanıyor? Ödeme yapamıyorum https://t.co/tr1",
        "müşteri hizmetleri berbat, bir saattir bekliyorum",
        "Mağazadaki çalışanlar çok ilgiliydi, herkese tavsiye ederim 👍",
        "iki kez odeme aldiniz ama iade hala yapilmadi, bu ne rezalet",
        "@THY uçuşum iptal edildi ve hiçbir bilgi verilmedi",
        "siparis ne zaman gelir? 1 haftadir bekliyorum, cok kotu bir hizmet",
        "Kargo bugün geldi, her şey yolunda, teşekkürler #memnun",
    ],
    "sv": [
        "@SJ_AB tåget är försenat igen och ingen information alls 😡",
        "Min beställning har fortfarande inte kommit, när kommer paketet?",
        "tack för den snabba hjälpen, nu fungerar allt!",
        "Varför kraschar appen varje gång jag försöker logga in? https://t.co/sv1",
        "Kundtjänsten är helt värdelös, ingen svarar i telefon",
        "Supertrevlig personal i butiken i Göteborg, rekommenderas 👍",
        "jag har betalat två gånger och har inte fått någon återbetalning",
        "@Telia internet har legat nere sedan igar, kan ni hjalpa till?",
        "hur lang tid tar det innan jag far tillbaka pengarna?",
        "Paketet kom idag, allt var perfekt och snabbt #nöjd",
    ],
}

# Texts written after the word lists were settled and never used to tune them: the honest estimate.
# Known misses, all "und" (too few known words): "Tausend Dank, ihr seid die Besten 😍" (de),
# "qualcun altro senza corrente a Roma?" (it), "Preciso mudar o endereço de entrega" (pt),
# "vilken skandal, aldrig mer" (sv).
UNSEEN_TEXTS: dict[str, list[str]] = {
    "en": ["Worst experience ever. Never flying with you again", "hey @Zappos do you ship to Canada?",
           "My card got declined but the money left my account??",
           "so happy with my new phone, thanks for the fast delivery",
           "Your chatbot is useless, I need a real person", "Has anyone received the refund yet?"],
    "es": ["No funciona la app desde esta mañana", "Mil gracias, sois los mejores 😍",
           "alguien más tiene problemas con la luz en Valencia?", "Me han cancelado el pedido sin avisar",
           "qué vergüenza de servicio, nunca más", "Necesito cambiar la dirección de envío"],
    "fr": ["L'appli ne marche plus depuis ce matin", "Mille mercis, vous êtes les meilleurs 😍",
           "quelqu'un d'autre a des coupures d'électricité à Paris ?", "On m'a annulé ma commande sans prévenir",
           "quelle honte ce service, plus jamais", "Je dois changer l'adresse de livraison"],
    "de": ["Die App funktioniert seit heute früh nicht", "Tausend Dank, ihr seid die Besten 😍",
           "hat noch jemand Stromausfall in Berlin?", "Man hat meine Bestellung ohne Vorwarnung storniert",
           "was für ein schlechter Service, nie wieder", "Ich muss die Lieferadresse ändern"],
    "it": ["L'app non funziona da stamattina", "Mille grazie, siete i migliori 😍",
           "qualcun altro senza corrente a Roma?", "Mi hanno annullato l'ordine senza avvisare",
           "che vergogna questo servizio, mai più", "Devo cambiare l'indirizzo di spedizione"],
    "pt": ["O app não funciona desde hoje cedo", "Muito obrigada, vocês são os melhores 😍",
           "mais alguém sem luz em Lisboa?", "Cancelaram meu pedido sem avisar",
           "que vergonha esse serviço, nunca mais", "Preciso mudar o endereço de entrega"],
    "nl": ["De app werkt sinds vanochtend niet", "Duizendmaal dank, jullie zijn de besten 😍",
           "heeft nog iemand een stroomstoring in Amsterdam?", "Mijn bestelling is zonder waarschuwing geannuleerd",
           "wat een schande deze service, nooit meer", "Ik moet het afleveradres wijzigen"],
    "pl": ["Aplikacja nie działa od rana", "Tysiąc dzięki, jesteście najlepsi 😍",
           "czy ktoś jeszcze nie ma prądu w Warszawie?", "Anulowaliście moje zamówienie bez uprzedzenia",
           "co za wstyd, nigdy więcej", "Muszę zmienić adres dostawy"],
    "tr": ["Uygulama sabahtan beri çalışmıyor", "Çok teşekkürler, en iyisi sizsiniz 😍",
           "İstanbul'da elektrik kesintisi olan başka var mı?", "Siparişimi haber vermeden iptal ettiniz",
           "ne rezalet bir hizmet, bir daha asla", "Teslimat adresini değiştirmem gerekiyor"],
    "sv": ["Appen fungerar inte sedan i morse", "Tusen tack, ni är bäst 😍",
           "är det fler som saknar ström i Stockholm?", "Ni avbröt min beställning utan förvarning",
           "vilken skandal, aldrig mer", "Jag måste ändra leveransadressen"],
}

SCRIPT_TEXTS: list[tuple[str, str]] = [
    ("ja", "@AmazonJP 注文した商品がまだ届きません。いつ届きますか？"),
    ("ja", "アプリが起動しないです😢 https://t.co/ja1"),
    ("ja", "サポートの対応がとても丁寧でした、ありがとうございます！"),
    ("zh", "我的订单还没有到，请问什么时候发货？"),
    ("zh", "客服态度太差了，打了三次电话都没人接 #差评"),
    ("zh", "@AppleSupport 手機更新後一直當機，怎麼辦？"),
    ("ko", "주문한 상품이 아직 도착하지 않았어요. 언제 오나요?"),
    ("ko", "@SamsungKorea 앱이 계속 꺼져요 😭"),
    ("ru", "@Aeroflot рейс задержали на три часа и никто ничего не объясняет"),
    ("ru", "Спасибо за быструю помощь!"),
    ("ru", "почему приложение не работает уже второй день? https://t.co/ru1"),
    ("uk", "Моє замовлення досі не прийшло, коли чекати?"),
    ("uk", "Дякую за швидку допомогу, все працює і це чудово!"),
    ("uk", "@Ukrposhta де моя посилка? Її немає вже тиждень"),
    ("ar", "طلبي لم يصل حتى الآن، متى سيصل؟"),
    ("ar", "@STC_KSA الانترنت مقطوع من امس 😡"),
    ("he", "ההזמנה שלי עדיין לא הגיעה, מתי היא תגיע?"),
    ("el", "Η παραγγελία μου δεν έχει φτάσει ακόμα, πότε θα έρθει;"),
    ("th", "สั่งของไปสามวันแล้วยังไม่ได้รับเลยค่ะ"),
    ("hi", "मेरा ऑर्डर अभी तक नहीं आया, कब आएगा?"),
]

UNDETERMINED_TEXTS = [
    "",
    "   ",
    "😂😂😂🔥🔥",
    "https://t.co/abc123",
    "www.example.com/help?id=42",
    "@user1 @user2 @Support_Team",
    "12345 678 #42",
    "no",
    "ok",
    "Hola",
    "de",
    "#",
    "help@example.com",
    "no no",  # two words, but shared by en, es, it and pt: a tie
    "გამარჯობა, როგორ ხარ?",  # Georgian: a script we do not map
]


def _cases(texts: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(language, text) for language, group in texts.items() for text in group]


@pytest.mark.parametrize(("language", "text"), _cases(LATIN_TEXTS))
def test_latin_languages(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_every_latin_language_has_at_least_eight_texts() -> None:
    assert set(LATIN_TEXTS) == set(LATIN_LANGUAGES)
    assert all(len(texts) >= 8 for texts in LATIN_TEXTS.values())


def test_unseen_texts_are_never_misread_and_mostly_detected() -> None:
    answers = [(language, text, detect_language(text)) for language, text in _cases(UNSEEN_TEXTS)]
    wrong = [(language, text, got) for language, text, got in answers if got not in (language, UNDETERMINED)]
    missed = [(language, text) for language, text, got in answers if got == UNDETERMINED]
    assert not wrong
    assert len(missed) <= len(answers) // 10, missed  # 4 of 60 today, listed above


@pytest.mark.parametrize(
    "text",
    [
        "Moje objednávka stále nedorazila, co se děje?",  # Czech: "co" is Polish, "ě" is not
        "Đơn hàng của tôi vẫn chưa đến, có chuyện gì vậy?",  # Vietnamese: "ì" is Italian, the rest is not
        "Pesanan saya belum sampai, kenapa ya?",  # Indonesian: no word we know
    ],
)
def test_latin_languages_we_do_not_tell_apart_are_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED


def test_a_foreign_name_does_not_outvote_the_sentence() -> None:
    assert detect_language("Thank you for the quick reply about my Škoda, Mr Dvořák") == "en"
    assert detect_language("Just landed in São Paulo, the hotel is great") == "en"
    assert detect_language("Flying to Fiji next week, can I bring my dog?") == "en"


def test_long_texts_are_read_in_part() -> None:
    assert detect_language("the order is late and " * 5_000 + "¿dónde está mi pedido?" * 5_000) == "en"


@pytest.mark.parametrize(("language", "text"), SCRIPT_TEXTS)
def test_scripts(language: str, text: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", UNDETERMINED_TEXTS)
def test_too_little_evidence_is_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ja", "iPhone 15 Pro Max のバッテリーがすぐ切れる"),
        ("ru", "Мой новый iPhone не включается после обновления iOS 17"),
        ("en", "Loving my trip to Tokyo! 東京 is amazing and the food is great"),
        ("ko", "Galaxy S24 배터리가 너무 빨리 닳아요"),
        ("en", "My order from the Москва store is still not here, can you check?"),
    ],
)
def test_mixed_scripts_follow_the_dominant_one(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_accents_are_optional_and_case_does_not_matter() -> None:
    assert detect_language("NAO CONSIGO ACESSAR MINHA CONTA, O QUE ACONTECEU?") == "pt"
    assert detect_language("mi pedido todavia no llego, que pasa?") == "es"
    assert detect_language("WARUM IST MEIN PAKET NOCH NICHT DA") == "de"


def test_decomposed_accents_and_curly_apostrophes() -> None:
    decomposed = unicodedata.normalize("NFD", "Ma commande n’est toujours pas arrivée")
    assert detect_language(decomposed) == "fr"


def test_fancy_text_generator_letters_are_read_as_plain_ones() -> None:
    assert detect_language("𝐓𝐡𝐚𝐧𝐤𝐬 𝐟𝐨𝐫 𝐭𝐡𝐞 𝐡𝐞𝐥𝐩 𝐭𝐨𝐝𝐚𝐲") == "en"
    assert detect_language("ｍｉ ｐｅｄｉｄｏ ｎｏ ｈａ ｌｌｅｇａｄｏ") == "es"


def test_distinctive_letters_alone_decide() -> None:
    assert detect_language("Señor") == "es"
    assert detect_language("Straße") == "de"
    assert detect_language("Łódź") == "pl"


def test_handles_and_links_do_not_vote() -> None:
    # The handle and the link are full of Spanish and Swedish words; only the English words count.
    text = "@el_que_la_de_los thanks for the help https://es.example.com/de/la/que/och/att/det"
    assert detect_language(text) == "en"


@given(st.text(max_size=300))
def test_any_text_gives_a_known_code(text: str) -> None:
    assert detect_language(text) in {*LATIN_LANGUAGES, "ja", "zh", "ko", "ru", "uk", "ar", "he", "el", "th", "hi",
                                      UNDETERMINED}


def test_deterministic() -> None:
    texts = [text for _, text in _cases(LATIN_TEXTS)] + [text for _, text in SCRIPT_TEXTS]
    assert [detect_language(text) for text in texts] == [detect_language(text) for text in texts]
