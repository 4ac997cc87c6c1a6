# ruff: noqa: E501 - prose reads better unwrapped
"""The demo site's education content, written as the department would write it.

Each text is a pair (Indonesian, English). `demo.py` builds the Indonesian
pages from the first halves and hands the pairs to wagtail-localize as the
English translation. Keep the advice accurate: people act on it.
"""

TOPICS = [
    (
        "rumah",
        ("Keamanan rumah", "Home safety"),
        ("Mencegah kebakaran di rumah dan menyelamatkan diri.", "Preventing fires at home and getting out safely."),
    ),
    (
        "listrik",
        ("Listrik", "Electrical safety"),
        ("Korsleting, stopkontak, dan instalasi listrik.", "Short circuits, sockets and wiring."),
    ),
    (
        "lpg",
        ("LPG dan gas", "LPG and gas"),
        ("Tabung, regulator, selang, dan kebocoran gas.", "Cylinders, regulators, hoses and gas leaks."),
    ),
    (
        "karhutla",
        ("Kebakaran hutan dan lahan", "Land and forest fires"),
        ("Musim kemarau, gambut, dan asap.", "The dry season, peatland and haze."),
    ),
    (
        "penyelamatan",
        ("Penyelamatan dan hewan", "Rescue and animals"),
        ("Ular, sarang tawon, dan keadaan darurat lain.", "Snakes, wasp nests and other emergencies."),
    ),
    (
        "gedung",
        ("Gedung dan tempat usaha", "Buildings and businesses"),
        ("Pasar, ruko, kantor, dan gedung bertingkat.", "Markets, shophouses, offices and high-rise buildings."),
    ),
    (
        "relawan",
        ("Relawan", "Volunteering"),
        ("Relawan kebakaran (REDKAR) dan peran warga.", "Fire volunteers (REDKAR) and what residents can do."),
    ),
]

INDEXES = {
    "articles": {
        "title": ("Edukasi Keselamatan", "Safety advice"),
        "slug": ("edukasi", "safety-advice"),
        "intro": (
            "Panduan praktis dari petugas pemadam kebakaran Kota Jambi: mencegah kebakaran, menyelamatkan diri, dan menangani hewan berbahaya.",
            "Practical guidance from Kota Jambi's firefighters: preventing fires, getting out safely and dealing with dangerous animals.",
        ),
    },
    "campaigns": {
        "title": ("Kampanye", "Campaigns"),
        "slug": ("kampanye", "campaigns"),
        "intro": (
            "Gerakan bersama warga untuk musim dan risiko tertentu. Ikut sebarkan pesannya.",
            "Joint efforts with residents for particular seasons and risks. Help spread the message.",
        ),
    },
    "alerts": {
        "title": ("Peringatan", "Alerts"),
        "slug": ("peringatan", "alerts"),
        "intro": (
            "Peringatan resmi Damkar Kota Jambi: larangan membakar, penutupan jalan karena kebakaran besar, dan evakuasi.",
            "Official warnings from Kota Jambi Fire and Rescue: burning bans, road closures during major fires, and evacuations.",
        ),
    },
}

CALL_112 = (
    "Jika api tidak padam dalam beberapa detik atau asap mulai tebal, tinggalkan tempat itu, tutup pintu di belakang Anda, dan telepon 112 dari luar.",
    "If the fire is not out within a few seconds or the smoke is getting thick, leave, close the door behind you and call 112 from outside.",
)

# Each article: slug pair, title pair, summary pair, image key, alt pair, topics, date offset (days ago), body.
# Body items: ("h", pair) heading, ("p", pair...) paragraph(s), ("do", heading, dos, donts), ("steps", heading, [(title, text)]),
# ("warn", tone, title, text), ("faq", heading, [(q, a)]), ("quote", text, who), ("doc", title, description).
ARTICLES = [
    {
        "slug": ("korsleting-listrik", "electrical-short-circuits"),
        "title": ("Mencegah korsleting listrik di rumah", "Preventing electrical short circuits at home"),
        "summary": (
            "Korsleting adalah salah satu penyebab kebakaran rumah yang paling sering kami tangani. Kenali tanda bahayanya dan cara mencegahnya.",
            "Short circuits are among the most common causes of the house fires we attend. Learn the warning signs and how to prevent them.",
        ),
        "image": "electrical",
        "alt": (
            "Stopkontak dengan banyak steker bertumpuk dan percikan api",
            "A socket overloaded with stacked plugs, giving off sparks",
        ),
        "topics": ["listrik", "rumah"],
        "days": 2,
        "body": [
            ("h", ("Tanda-tanda instalasi listrik bermasalah", "Signs of a wiring problem")),
            (
                "p",
                (
                    "Waspadai steker atau stopkontak yang terasa panas, bau plastik terbakar, lampu yang berkedip, MCB yang sering turun, dan bekas hitam di sekitar stopkontak. Semua itu tanda ada sambungan longgar atau beban berlebih.",
                    "Watch for plugs or sockets that feel hot, a smell of burning plastic, flickering lights, a breaker that trips often, and black marks around a socket. Each is a sign of a loose connection or an overload.",
                ),
            ),
            (
                "do",
                ("Kebiasaan aman", "Safe habits"),
                [
                    (
                        "Gunakan kabel, steker, dan stopkontak berlabel SNI.",
                        "Use cables, plugs and sockets that carry the SNI mark.",
                    ),
                    (
                        "Cabut pengisi daya dan alat listrik yang tidak dipakai.",
                        "Unplug chargers and appliances you are not using.",
                    ),
                    (
                        "Minta instalatir bersertifikat memeriksa instalasi rumah yang berumur lebih dari 10 tahun.",
                        "Have a certified electrician check wiring that is more than 10 years old.",
                    ),
                    (
                        "Pastikan rumah memiliki MCB yang sesuai daya dan berfungsi.",
                        "Make sure the house has a working breaker (MCB) rated for its supply.",
                    ),
                ],
                [
                    (
                        "Jangan menumpuk steker atau menyambung terminal ke terminal lain.",
                        "Don't stack plugs or plug one power strip into another.",
                    ),
                    (
                        "Jangan mengganti sekring dengan kawat atau mengganjal MCB.",
                        "Don't replace a fuse with wire or wedge a breaker on.",
                    ),
                    (
                        "Jangan menjalankan kabel di bawah kasur atau karpet.",
                        "Don't run cables under mattresses or carpets.",
                    ),
                    (
                        "Jangan membiarkan ponsel mengisi daya di atas kasur semalaman.",
                        "Don't leave a phone charging on the bed overnight.",
                    ),
                ],
            ),
            ("h", ("Jika terjadi kebakaran listrik", "If an electrical fire starts")),
            (
                "steps",
                ("Langkah pertama", "First steps"),
                [
                    (
                        ("Matikan listrik di MCB", "Switch off the power at the breaker"),
                        ("Hanya jika Anda bisa mencapainya dengan aman.", "Only if you can reach it safely."),
                    ),
                    (
                        ("Jangan menyiram dengan air", "Do not use water"),
                        (
                            "Air menghantarkan listrik dan bisa menyetrum Anda.",
                            "Water conducts electricity and can electrocute you.",
                        ),
                    ),
                    (
                        ("Gunakan APAR serbuk (ABC) atau CO2", "Use a powder (ABC) or CO2 extinguisher"),
                        ("Untuk api kecil yang baru mulai.", "For a small fire that has just started."),
                    ),
                    (
                        ("Keluar dan telepon 112", "Get out and call 112"),
                        (
                            "Bawa semua orang keluar dan tutup pintu di belakang Anda.",
                            "Take everyone out and close the door behind you.",
                        ),
                    ),
                ],
            ),
            (
                "warn",
                "danger",
                ("Jangan sentuh orang yang tersengat listrik", "Don't touch someone who is being electrocuted"),
                (
                    "Putuskan arus listrik dulu. Setelah itu baru tolong korban dan telepon 112.",
                    "Cut the power first. Only then help the person and call 112.",
                ),
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        ("Apakah terminal (colokan T) berbahaya?", "Are multi-plug adapters dangerous?"),
                        (
                            "Terminal aman jika berlabel SNI dan total daya alat yang dicolokkan tidak melebihi kemampuannya. Alat berdaya besar seperti setrika, rice cooker, dan pemanas air sebaiknya dicolokkan langsung ke stopkontak dinding.",
                            "Power strips are safe if they carry the SNI mark and the total wattage plugged in stays within their rating. High-power appliances such as irons, rice cookers and water heaters should go straight into a wall socket.",
                        ),
                    ),
                    (
                        ("Mengapa MCB sering turun?", "Why does my breaker keep tripping?"),
                        (
                            "Biasanya karena beban berlebih atau ada korsleting. Jangan dipaksa naik terus; cabut alat satu per satu dan panggil instalatir jika tetap turun.",
                            "Usually because of an overload or a short circuit. Don't keep forcing it back on: unplug appliances one by one and call an electrician if it still trips.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("kebocoran-gas-lpg", "lpg-gas-leaks"),
        "title": ("Mencium bau gas LPG? Lakukan ini", "Smell LPG gas? Do this"),
        "summary": (
            "Kebocoran LPG bisa meledak oleh percikan kecil. Ketahui cara memeriksa tabung dan apa yang harus dilakukan saat tercium bau gas.",
            "An LPG leak can be ignited by a tiny spark. Know how to check your cylinder and what to do when you smell gas.",
        ),
        "image": "lpg",
        "alt": (
            "Tabung LPG hijau dengan katup dan bau gas yang keluar",
            "A green LPG cylinder with a valve and gas escaping",
        ),
        "topics": ["lpg", "rumah"],
        "days": 5,
        "body": [
            (
                "warn",
                "danger",
                (
                    "Saat tercium bau gas, jangan menyalakan atau mematikan apa pun",
                    "When you smell gas, don't switch anything on or off",
                ),
                (
                    "Saklar lampu, kipas angin, korek, dan bahkan bel pintu bisa memercikkan api yang menyulut gas.",
                    "Light switches, fans, lighters and even a doorbell can make a spark that ignites the gas.",
                ),
            ),
            ("h", ("Yang harus dilakukan", "What to do")),
            (
                "steps",
                ("Langkah saat gas bocor", "Steps when gas is leaking"),
                [
                    (
                        ("Matikan kompor dan lepaskan regulator", "Turn off the stove and remove the regulator"),
                        (
                            "Putar tuas regulator ke posisi tertutup, lalu lepaskan dari tabung.",
                            "Turn the regulator lever to closed, then take it off the cylinder.",
                        ),
                    ),
                    (
                        ("Buka pintu dan jendela", "Open doors and windows"),
                        (
                            "Biarkan gas keluar. Gas LPG lebih berat dari udara dan berkumpul di lantai.",
                            "Let the gas out. LPG is heavier than air and collects near the floor.",
                        ),
                    ),
                    (
                        ("Bawa tabung ke tempat terbuka", "Take the cylinder outside"),
                        (
                            "Letakkan berdiri di tempat terbuka, jauh dari api dan orang.",
                            "Stand it upright in the open, away from flames and people.",
                        ),
                    ),
                    (
                        ("Jauhkan semua sumber api", "Keep every flame away"),
                        (
                            "Jangan merokok dan jangan menelepon di dekat tabung.",
                            "No smoking and no phone calls near the cylinder.",
                        ),
                    ),
                    (
                        ("Telepon 112 dari luar rumah", "Call 112 from outside"),
                        (
                            "Jika bau tidak hilang atau tabung terus mendesis.",
                            "If the smell stays or the cylinder keeps hissing.",
                        ),
                    ),
                ],
            ),
            ("h", ("Memeriksa tabung dan selang", "Checking the cylinder and hose")),
            (
                "do",
                None,
                [
                    (
                        "Periksa karet (seal) di mulut tabung setiap kali mengganti tabung.",
                        "Check the rubber seal in the cylinder valve every time you change cylinders.",
                    ),
                    (
                        "Gunakan regulator dan selang berlabel SNI, dikunci dengan klem.",
                        "Use an SNI-marked regulator and hose, fastened with clamps.",
                    ),
                    (
                        "Cek kebocoran dengan air sabun: gelembung berarti bocor.",
                        "Check for leaks with soapy water: bubbles mean a leak.",
                    ),
                    (
                        "Ganti selang yang retak, getas, atau digigit tikus.",
                        "Replace a hose that is cracked, brittle or chewed by rats.",
                    ),
                ],
                [
                    ("Jangan mengecek kebocoran dengan api korek.", "Never check for leaks with a lighter flame."),
                    (
                        "Jangan menyimpan tabung di ruang tertutup tanpa ventilasi.",
                        "Don't keep cylinders in a closed room without ventilation.",
                    ),
                    ("Jangan membaringkan tabung saat dipakai.", "Don't lay a cylinder on its side while in use."),
                ],
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        (
                            "Tabung mendesis setelah regulator dipasang. Apa yang harus dilakukan?",
                            "The cylinder hisses after fitting the regulator. What should I do?",
                        ),
                        (
                            "Lepaskan regulator, periksa karetnya, dan pasang kembali. Jika masih mendesis, bawa tabung ke luar dan tukarkan ke agen.",
                            "Remove the regulator, check the rubber seal and refit it. If it still hisses, take the cylinder outside and return it to the dealer.",
                        ),
                    ),
                    (
                        ("Apakah tabung bisa meledak sendiri?", "Can a cylinder explode on its own?"),
                        (
                            "Jarang. Yang sering terjadi adalah gas bocor lalu tersulut api atau percikan listrik. Karena itu kebocoran harus ditangani segera.",
                            "Rarely. What usually happens is that leaking gas is lit by a flame or an electrical spark. That is why a leak must be dealt with at once.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("rencana-evakuasi-rumah", "home-escape-plan"),
        "title": ("Membuat rencana evakuasi rumah", "Making a home escape plan"),
        "summary": (
            "Saat kebakaran, Anda mungkin hanya punya dua menit untuk keluar. Rencana yang sudah dilatih membuat setiap detik berarti.",
            "In a fire you may have only two minutes to get out. A plan you have practised makes every second count.",
        ),
        "image": "escape-plan",
        "alt": (
            "Denah rumah dengan panah hijau menuju pintu keluar dan titik kumpul",
            "A house plan with a green arrow leading to the exit and a meeting point",
        ),
        "topics": ["rumah"],
        "days": 8,
        "body": [
            (
                "p",
                (
                    "Asap kebakaran membuat ruangan gelap dan beracun dalam hitungan menit. Keluarga yang sudah tahu jalan keluar dan titik kumpul jauh lebih selamat daripada yang baru berpikir saat api muncul.",
                    "Fire smoke makes a room dark and toxic within minutes. A family that already knows its way out and its meeting point is far safer than one that starts thinking when the fire appears.",
                ),
            ),
            ("h", ("Lima langkah membuat rencana", "Five steps to a plan")),
            (
                "steps",
                None,
                [
                    (
                        ("Gambar denah rumah", "Draw a plan of your home"),
                        (
                            "Tandai semua pintu dan jendela di setiap ruangan.",
                            "Mark every door and window in each room.",
                        ),
                    ),
                    (
                        ("Cari dua jalan keluar dari setiap ruangan", "Find two ways out of every room"),
                        (
                            "Jika pintu terhalang api, jendela bisa menjadi jalan kedua.",
                            "If the door is blocked by fire, a window can be the second way.",
                        ),
                    ),
                    (
                        ("Pastikan teralis bisa dibuka dari dalam", "Make sure window grilles open from inside"),
                        (
                            "Simpan kunci teralis di tempat yang sama, dekat jendela, dan diketahui semua orang.",
                            "Keep the grille keys in one known place near the window.",
                        ),
                    ),
                    (
                        ("Tentukan titik kumpul di luar", "Choose a meeting point outside"),
                        (
                            "Misalnya tiang listrik atau pagar tetangga, agar mudah menghitung siapa yang sudah keluar.",
                            "For example a lamp post or a neighbour's gate, so you can count who is out.",
                        ),
                    ),
                    (
                        ("Latih dua kali setahun", "Practise twice a year"),
                        (
                            "Termasuk pada malam hari dan bersama anak-anak serta lansia.",
                            "Including at night, with children and older relatives.",
                        ),
                    ),
                ],
            ),
            (
                "warn",
                "warning",
                ("Sekali keluar, jangan masuk lagi", "Once out, stay out"),
                (
                    "Jangan kembali untuk mengambil barang atau hewan peliharaan. Beri tahu petugas siapa yang masih di dalam.",
                    "Never go back in for belongings or pets. Tell the firefighters who is still inside.",
                ),
            ),
            (
                "do",
                ("Saat keluar dari rumah yang terbakar", "Getting out of a burning house"),
                [
                    (
                        "Merangkak di bawah asap, udara lebih bersih di dekat lantai.",
                        "Crawl low under the smoke, where the air is cleaner.",
                    ),
                    (
                        "Raba pintu dengan punggung tangan sebelum membukanya.",
                        "Feel a door with the back of your hand before opening it.",
                    ),
                    (
                        "Tutup pintu di belakang Anda untuk memperlambat api.",
                        "Close doors behind you to slow the fire.",
                    ),
                ],
                [
                    ("Jangan membuka pintu yang terasa panas.", "Don't open a door that feels hot."),
                    (
                        "Jangan bersembunyi di bawah tempat tidur atau di lemari.",
                        "Don't hide under a bed or in a wardrobe.",
                    ),
                ],
            ),
            (
                "doc",
                ("Unduh leaflet rencana evakuasi (PDF)", "Download the escape plan leaflet (PDF)"),
                (
                    "Satu halaman untuk digambar bersama keluarga dan ditempel di kulkas.",
                    "One page to draw with your family and stick on the fridge.",
                ),
            ),
        ],
    },
    {
        "slug": ("cara-memakai-apar-pass", "using-a-fire-extinguisher-pass"),
        "title": ("Cara memakai APAR dengan metode PASS", "Using a fire extinguisher: the PASS method"),
        "summary": (
            "Alat pemadam api ringan (APAR) bisa memadamkan api kecil dalam hitungan detik, asalkan Anda tahu cara memakainya.",
            "A portable fire extinguisher can put out a small fire in seconds, as long as you know how to use it.",
        ),
        "image": "apar",
        "alt": (
            "APAR merah menyemprotkan serbuk ke pangkal api kecil",
            "A red extinguisher spraying powder at the base of a small fire",
        ),
        "topics": ["rumah", "gedung"],
        "days": 11,
        "body": [
            (
                "p",
                (
                    "APAR hanya untuk api kecil yang baru mulai, kira-kira tidak lebih besar dari tempat sampah. APAR serbuk 3 kg hanya menyemprot sekitar 10 sampai 15 detik, jadi setiap semprotan harus tepat sasaran.",
                    "An extinguisher is only for a small fire that has just started, roughly no bigger than a waste bin. A 3 kg powder extinguisher sprays for only about 10 to 15 seconds, so every second of spray has to count.",
                ),
            ),
            ("h", ("Ingat PASS", "Remember PASS")),
            (
                "steps",
                ("Metode PASS", "The PASS method"),
                [
                    (
                        ("Pull: tarik pin pengaman", "Pull the safety pin"),
                        (
                            "Pegang tabung tegak dan tarik pin hingga segel putus.",
                            "Hold the extinguisher upright and pull the pin, breaking the seal.",
                        ),
                    ),
                    (
                        ("Aim: arahkan ke pangkal api", "Aim at the base of the fire"),
                        (
                            "Bukan ke nyala api. Berdiri 2 sampai 3 meter dari api, membelakangi jalan keluar.",
                            "Not at the flames. Stand 2 to 3 metres away with your back to an exit.",
                        ),
                    ),
                    (
                        ("Squeeze: tekan tuas", "Squeeze the lever"),
                        ("Tekan penuh dan stabil.", "Squeeze fully and steadily."),
                    ),
                    (
                        ("Sweep: sapukan ke kiri dan kanan", "Sweep from side to side"),
                        (
                            "Sapukan di pangkal api sampai padam, lalu awasi agar tidak menyala lagi.",
                            "Sweep across the base until the fire is out, then watch that it does not reignite.",
                        ),
                    ),
                ],
            ),
            (
                "warn",
                "danger",
                ("Kapan tidak boleh memadamkan sendiri", "When not to fight the fire yourself"),
                CALL_112,
            ),
            ("h", ("Merawat APAR", "Looking after an extinguisher")),
            (
                "do",
                None,
                [
                    (
                        "Periksa jarum manometer setiap bulan: harus di area hijau.",
                        "Check the pressure gauge every month: the needle must be in the green.",
                    ),
                    (
                        "Gantung APAR di tempat terlihat, dekat pintu keluar, setinggi sekitar 1,2 meter.",
                        "Hang it where it can be seen, near an exit, about 1.2 metres high.",
                    ),
                    (
                        "Isi ulang setelah dipakai, walaupun hanya sebentar.",
                        "Have it refilled after any use, however short.",
                    ),
                ],
                [
                    ("Jangan menyimpan APAR terkunci di gudang.", "Don't keep the extinguisher locked in a storeroom."),
                    (
                        "Jangan memakai APAR yang segelnya putus atau jarumnya di area merah.",
                        "Don't rely on one with a broken seal or a needle in the red.",
                    ),
                ],
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        ("APAR jenis apa yang cocok untuk rumah?", "Which type suits a home?"),
                        (
                            "APAR serbuk kimia kering (dry chemical powder) tipe ABC ukuran 2 sampai 3 kg cocok untuk sebagian besar api di rumah, termasuk api listrik.",
                            "A 2 to 3 kg ABC dry chemical powder extinguisher suits most home fires, including electrical ones.",
                        ),
                    ),
                    (
                        (
                            "Apakah Damkar memberi pelatihan APAR?",
                            "Does the fire service train people to use extinguishers?",
                        ),
                        (
                            "Ya. RT, sekolah, kantor, dan tempat usaha dapat mengajukan sosialisasi dan simulasi pemadaman ke Damkar Kota Jambi.",
                            "Yes. Neighbourhoods, schools, offices and businesses can ask Damkar Kota Jambi for a talk and a hands-on drill.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("ular-masuk-rumah", "snake-in-the-house"),
        "title": ("Ular masuk rumah: tetap tenang, jaga jarak", "A snake in the house: stay calm, keep your distance"),
        "summary": (
            "Saat musim hujan dan banjir, ular sering masuk ke rumah warga. Jangan mencoba menangkap atau membunuhnya sendiri.",
            "In the rainy and flood season snakes often come into homes. Don't try to catch or kill one yourself.",
        ),
        "image": "snake",
        "alt": ("Ular melata menuju pintu rumah yang terbuka", "A snake sliding towards an open house door"),
        "topics": ["penyelamatan"],
        "days": 14,
        "body": [
            (
                "p",
                (
                    "Sebagian besar gigitan ular terjadi ketika orang mencoba menangkap, memukul, atau mengusir ular. Ular tidak mengejar manusia; ia mencari tempat sembunyi, makanan seperti tikus, atau tempat kering.",
                    "Most snakebites happen when people try to catch, hit or chase away a snake. Snakes do not chase people: they are looking for shelter, food such as rats, or a dry place.",
                ),
            ),
            (
                "steps",
                ("Jika melihat ular di dalam rumah", "If you see a snake indoors"),
                [
                    (
                        ("Jaga jarak minimal 2 meter", "Keep at least 2 metres away"),
                        ("Jauhkan anak-anak dan hewan peliharaan.", "Keep children and pets away."),
                    ),
                    (
                        ("Amati dari tempat aman ke mana ular pergi", "Watch from a safe place where it goes"),
                        ("Informasi ini membantu petugas menemukannya.", "This helps the rescue team find it."),
                    ),
                    (
                        ("Tutup pintu kamar lain, buka pintu ke luar", "Close inner doors, open the outside door"),
                        (
                            "Agar ular tidak masuk lebih dalam dan punya jalan keluar.",
                            "So it cannot go further in and has a way out.",
                        ),
                    ),
                    (
                        ("Telepon 112 atau Damkar", "Call 112 or the fire service"),
                        (
                            "Petugas penyelamatan kami terlatih dan memiliki alat untuk menangkap ular dengan aman.",
                            "Our rescue crews are trained and equipped to catch snakes safely.",
                        ),
                    ),
                ],
            ),
            (
                "warn",
                "danger",
                ("Jika tergigit ular", "If someone is bitten"),
                (
                    "Tenangkan korban, minta ia diam, dan imobilisasi anggota tubuh yang tergigit dengan bidai seperti menangani patah tulang. Lepas cincin dan jam tangan. Jangan menyayat, mengisap, atau mengikat kencang luka. Segera bawa ke rumah sakit atau telepon 112.",
                    "Keep the person calm and still, and immobilise the bitten limb with a splint as for a broken bone. Remove rings and watches. Don't cut, suck or tie a tight band around the bite. Go to hospital at once or call 112.",
                ),
            ),
            ("h", ("Mencegah ular masuk", "Keeping snakes out")),
            (
                "do",
                None,
                [
                    (
                        "Bersihkan pekarangan dari tumpukan kayu, batu, dan sampah.",
                        "Clear the yard of piles of wood, stones and rubbish.",
                    ),
                    ("Potong rumput dan semak di sekitar rumah.", "Cut grass and bushes around the house."),
                    ("Tutup celah di bawah pintu dan lubang saluran air.", "Seal gaps under doors and drain openings."),
                    ("Kendalikan tikus, karena tikus menarik ular.", "Control rats, because rats attract snakes."),
                ],
                [
                    ("Jangan memukul atau membakar ular.", "Don't hit or burn a snake."),
                    ("Jangan memegang ular yang tampak mati.", "Don't handle a snake that looks dead."),
                ],
            ),
            (
                "quote",
                (
                    "Hampir setiap minggu pada musim hujan kami dipanggil untuk evakuasi ular. Warga yang menjaga jarak dan segera menelepon membuat pekerjaan kami aman untuk semua.",
                    "Almost every week in the rainy season we are called out to remove a snake. Residents who keep their distance and call straight away make the job safe for everyone.",
                ),
                ("Tim penyelamatan Damkar Kota Jambi", "Damkar Kota Jambi rescue team"),
            ),
        ],
    },
    {
        "slug": ("sarang-lebah-dan-tawon", "bee-and-wasp-nests"),
        "title": ("Sarang lebah dan tawon di rumah", "Bee and wasp nests at home"),
        "summary": (
            "Sengatan tawon, terutama tawon vespa, bisa berbahaya bagi anak-anak dan orang yang alergi. Jangan membakar atau melempari sarangnya.",
            "Wasp stings, especially from hornets, can be dangerous for children and people with allergies. Never burn a nest or throw things at it.",
        ),
        "image": "bees",
        "alt": (
            "Sarang tawon menggantung di bawah atap dengan beberapa tawon terbang",
            "A wasp nest hanging under a roof with a few wasps flying around",
        ),
        "topics": ["penyelamatan"],
        "days": 17,
        "body": [
            (
                "p",
                (
                    "Tawon vespa membangun sarang di plafon, pohon, dan atap rumah. Jika sarangnya diganggu, puluhan tawon bisa menyerang sekaligus.",
                    "Hornets build nests in ceilings, trees and roofs. When a nest is disturbed, dozens of them can attack at once.",
                ),
            ),
            (
                "do",
                ("Jika menemukan sarang", "If you find a nest"),
                [
                    (
                        "Jauhi sarang dan beri tahu seluruh penghuni rumah.",
                        "Keep away from the nest and tell everyone in the house.",
                    ),
                    ("Tutup jendela dan pintu di dekat sarang.", "Close windows and doors near the nest."),
                    ("Laporkan ke Damkar untuk evakuasi sarang.", "Report it to the fire service to have it removed."),
                ],
                [
                    (
                        "Jangan membakar sarang: api bisa menyambar atap dan rumah.",
                        "Don't burn the nest: the fire can spread to the roof and the house.",
                    ),
                    (
                        "Jangan melempar, menyemprot, atau memukul sarang.",
                        "Don't throw things at, spray or hit the nest.",
                    ),
                    (
                        "Jangan mendekat dengan bau menyengat seperti parfum.",
                        "Don't approach wearing strong scents such as perfume.",
                    ),
                ],
            ),
            (
                "warn",
                "danger",
                ("Tanda reaksi alergi berat", "Signs of a severe allergic reaction"),
                (
                    "Bengkak di wajah atau tenggorokan, sesak napas, pusing, atau banyak sengatan sekaligus: telepon 112 dan segera ke rumah sakit.",
                    "Swelling of the face or throat, difficulty breathing, dizziness, or many stings at once: call 112 and go to hospital immediately.",
                ),
            ),
            (
                "steps",
                ("Pertolongan pertama sengatan", "First aid for stings"),
                [
                    (
                        ("Menjauh dari sarang", "Move away from the nest"),
                        ("Lari menjauh dan masuk ke ruangan tertutup.", "Run away and get into a closed room."),
                    ),
                    (
                        ("Keluarkan sengat lebah", "Remove a bee sting"),
                        (
                            "Kerok dengan kartu atau kuku; jangan dijepit.",
                            "Scrape it out with a card or fingernail; don't squeeze it.",
                        ),
                    ),
                    (
                        ("Cuci dan kompres dingin", "Wash and apply a cold compress"),
                        (
                            "Cuci dengan sabun dan air, lalu kompres dingin untuk mengurangi bengkak.",
                            "Wash with soap and water, then apply something cold to reduce swelling.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("jangan-bakar-sampah-dan-lahan", "dont-burn-rubbish-or-land"),
        "title": ("Musim kemarau: jangan bakar sampah dan lahan", "Dry season: don't burn rubbish or land"),
        "summary": (
            "Di Jambi, api kecil dari pembakaran sampah atau lahan bisa menjadi kebakaran gambut yang berminggu-minggu dan menimbulkan kabut asap.",
            "In Jambi, a small fire from burning rubbish or land can become a peat fire that lasts for weeks and causes haze.",
        ),
        "image": "land-fire",
        "alt": (
            "Lahan kering terbakar dengan asap tebal dan rambu dilarang membakar",
            "Dry land on fire with thick smoke and a no-burning sign",
        ),
        "topics": ["karhutla", "relawan"],
        "days": 1,
        "body": [
            (
                "p",
                (
                    "Tanah gambut menyimpan api di bawah permukaan. Api yang tampak padam di atas bisa terus menjalar di bawah tanah dan muncul lagi di tempat lain. Memadamkannya membutuhkan banyak air dan waktu berhari-hari.",
                    "Peat holds fire below the surface. A fire that looks out on top can keep creeping underground and break out again somewhere else. Putting it out takes a great deal of water and days of work.",
                ),
            ),
            (
                "warn",
                "warning",
                ("Membuka lahan dengan cara membakar dilarang", "Clearing land by burning is prohibited"),
                (
                    "Undang-Undang Nomor 32 Tahun 2009 tentang Perlindungan dan Pengelolaan Lingkungan Hidup melarang pembukaan lahan dengan cara membakar, dan pelakunya dapat dipidana.",
                    "Law No. 32 of 2009 on Environmental Protection and Management prohibits clearing land by burning, and offenders can be prosecuted.",
                ),
            ),
            ("h", ("Apa yang bisa dilakukan warga", "What residents can do")),
            (
                "do",
                None,
                [
                    ("Pilah sampah dan olah sampah organik menjadi kompos.", "Sort rubbish and compost organic waste."),
                    ("Bawa sampah ke TPS atau bank sampah.", "Take rubbish to the collection point or a waste bank."),
                    (
                        "Laporkan asap atau api di lahan sedini mungkin ke 112.",
                        "Report smoke or fire on land to 112 as early as possible.",
                    ),
                    (
                        "Bergabung dengan relawan kebakaran (REDKAR) di lingkungan Anda.",
                        "Join the fire volunteers (REDKAR) in your neighbourhood.",
                    ),
                ],
                [
                    (
                        "Jangan membakar sampah di pekarangan atau lahan kosong.",
                        "Don't burn rubbish in the yard or on empty plots.",
                    ),
                    (
                        "Jangan membuang puntung rokok ke rumput atau semak.",
                        "Don't throw cigarette ends into grass or bushes.",
                    ),
                    ("Jangan meninggalkan api unggun atau bara.", "Don't leave a campfire or embers unattended."),
                ],
            ),
            ("h", ("Melindungi diri dari asap", "Protecting yourself from haze")),
            (
                "p",
                (
                    "Saat kabut asap, kurangi kegiatan di luar rumah, tutup jendela, dan gunakan masker yang rapat (misalnya N95) jika harus keluar. Anak-anak, lansia, ibu hamil, dan penderita asma paling berisiko.",
                    "During haze, spend less time outdoors, close the windows and wear a well-fitting mask (such as an N95) if you must go out. Children, older people, pregnant women and people with asthma are most at risk.",
                ),
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        (
                            "Bolehkah membakar sedikit daun kering di halaman?",
                            "Can I burn a few dry leaves in my yard?",
                        ),
                        (
                            "Selama musim kemarau sebaiknya tidak sama sekali. Daun kering lebih baik dijadikan kompos atau dibawa ke TPS.",
                            "Not at all during the dry season. Dry leaves are better composted or taken to the collection point.",
                        ),
                    ),
                    (
                        (
                            "Saya melihat asap dari lahan kosong. Apa yang harus dilakukan?",
                            "I can see smoke from an empty plot. What should I do?",
                        ),
                        (
                            "Telepon 112 dan sebutkan lokasi serta patokan terdekat. Laporan yang cepat membuat api bisa dipadamkan sebelum meluas.",
                            "Call 112 and give the location and the nearest landmark. An early report means the fire can be put out before it spreads.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("kebakaran-dapur", "kitchen-fires"),
        "title": ("Api di wajan: tutup, jangan siram", "A pan on fire: cover it, never use water"),
        "summary": (
            "Minyak goreng yang terbakar adalah penyebab umum kebakaran dapur. Satu kesalahan, menyiramnya dengan air, bisa membuat api meledak ke seluruh dapur.",
            "Burning cooking oil is a common cause of kitchen fires. One mistake, pouring water on it, can make the fire explode across the kitchen.",
        ),
        "image": "kitchen",
        "alt": (
            "Wajan terbakar di atas kompor dan tutup wajan yang akan menutupnya",
            "A pan on fire on a stove with a lid about to cover it",
        ),
        "topics": ["rumah", "lpg"],
        "days": 20,
        "body": [
            (
                "warn",
                "danger",
                ("Jangan siram minyak yang terbakar dengan air", "Never pour water on burning oil"),
                (
                    "Air langsung mendidih menjadi uap dan melempar minyak yang terbakar ke segala arah.",
                    "The water instantly turns to steam and throws burning oil in every direction.",
                ),
            ),
            (
                "steps",
                ("Jika minyak di wajan terbakar", "If oil in a pan catches fire"),
                [
                    (
                        ("Matikan kompor", "Turn off the stove"),
                        ("Jika bisa dijangkau dengan aman.", "If you can reach it safely."),
                    ),
                    (
                        ("Tutup wajan", "Cover the pan"),
                        (
                            "Gunakan tutup wajan, loyang, atau kain basah yang sudah diperas, dari arah depan Anda.",
                            "Use a lid, a baking tray or a wet, wrung-out cloth, sliding it on from your side.",
                        ),
                    ),
                    (
                        ("Biarkan tertutup", "Leave it covered"),
                        (
                            "Jangan dibuka sampai wajan dingin, paling tidak 30 menit.",
                            "Don't lift it until the pan is cold, at least 30 minutes.",
                        ),
                    ),
                    (
                        ("Jangan memindahkan wajan", "Don't carry the pan"),
                        ("Minyak panas bisa tumpah dan membakar Anda.", "Hot oil can spill and burn you."),
                    ),
                ],
            ),
            ("warn", "warning", ("Kapan harus keluar", "When to get out"), CALL_112),
            (
                "do",
                ("Mencegah kebakaran dapur", "Preventing kitchen fires"),
                [
                    ("Tetap di dapur selama menggoreng.", "Stay in the kitchen while frying."),
                    (
                        "Jauhkan lap, plastik, dan gorden dari kompor.",
                        "Keep tea towels, plastic and curtains away from the stove.",
                    ),
                    ("Bersihkan kerak minyak di kompor dan dinding.", "Clean grease off the stove and the wall."),
                    ("Simpan tutup wajan di dekat kompor.", "Keep a lid near the stove."),
                ],
                [
                    (
                        "Jangan meninggalkan masakan untuk mengangkat telepon atau keluar rumah.",
                        "Don't leave cooking to take a call or go outside.",
                    ),
                    (
                        "Jangan memasak saat mengantuk atau setelah minum obat penenang.",
                        "Don't cook when drowsy or after taking sedatives.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("lilin-dan-obat-nyamuk-bakar", "candles-and-mosquito-coils"),
        "title": ("Lilin dan obat nyamuk bakar yang aman", "Candles and mosquito coils, safely"),
        "summary": (
            "Saat listrik padam atau musim nyamuk, lilin dan obat nyamuk bakar sering menjadi awal kebakaran kamar tidur.",
            "During power cuts and the mosquito season, candles and mosquito coils are often where bedroom fires begin.",
        ),
        "image": "candle-coil",
        "alt": (
            "Lilin menyala di tatakan dan obat nyamuk bakar di dudukan logam",
            "A lit candle on a holder and a mosquito coil on a metal stand",
        ),
        "topics": ["rumah"],
        "days": 23,
        "body": [
            (
                "p",
                (
                    "Api kecil dari lilin yang jatuh atau obat nyamuk yang menyentuh kelambu bisa menyambar kasur dalam beberapa detik, sering ketika penghuni sedang tidur.",
                    "A small flame from a fallen candle or a mosquito coil touching a mosquito net can set a mattress alight within seconds, often while people are asleep.",
                ),
            ),
            (
                "do",
                ("Lilin", "Candles"),
                [
                    (
                        "Pasang lilin di tatakan yang kokoh dan tidak mudah terbakar.",
                        "Put candles in a sturdy, non-flammable holder.",
                    ),
                    (
                        "Letakkan minimal 1 meter dari gorden, kasur, dan kertas.",
                        "Keep them at least 1 metre from curtains, mattresses and paper.",
                    ),
                    (
                        "Gunakan senter atau lampu LED darurat saat listrik padam.",
                        "Use a torch or an LED emergency light during power cuts.",
                    ),
                ],
                [
                    (
                        "Jangan tinggalkan lilin menyala saat tidur atau keluar kamar.",
                        "Don't leave a candle burning when you sleep or leave the room.",
                    ),
                    (
                        "Jangan taruh lilin di tempat yang bisa dijangkau anak atau kucing.",
                        "Don't put candles where children or cats can reach them.",
                    ),
                ],
            ),
            (
                "do",
                ("Obat nyamuk bakar", "Mosquito coils"),
                [
                    (
                        "Gunakan dudukan logam bawaannya, di atas piring atau lantai keramik.",
                        "Use its metal stand, on a plate or a tiled floor.",
                    ),
                    (
                        "Jauhkan dari kelambu, seprai, dan pakaian.",
                        "Keep it away from mosquito nets, sheets and clothes.",
                    ),
                    (
                        "Pilih kelambu atau obat nyamuk elektrik bila memungkinkan.",
                        "Choose a net or an electric repellent where you can.",
                    ),
                ],
                [
                    (
                        "Jangan meletakkan obat nyamuk bakar di bawah tempat tidur.",
                        "Don't put a mosquito coil under the bed.",
                    ),
                    (
                        "Jangan memakai obat nyamuk bakar di ruangan tertutup tanpa ventilasi.",
                        "Don't burn a coil in a closed room without ventilation.",
                    ),
                ],
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        ("Bagaimana cara mematikan lilin yang aman?", "What's the safe way to put out a candle?"),
                        (
                            "Tiup perlahan atau gunakan penutup lilin, lalu pastikan sumbunya tidak lagi membara sebelum meninggalkannya.",
                            "Blow gently or use a snuffer, then make sure the wick is no longer glowing before you leave it.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("anak-dan-korek-api", "children-and-matches"),
        "title": ("Anak-anak dan korek api", "Children and matches"),
        "summary": (
            "Anak-anak penasaran dengan api. Simpan korek dengan aman dan ajarkan apa yang harus dilakukan saat terjadi kebakaran.",
            "Children are curious about fire. Store matches and lighters safely and teach them what to do in a fire.",
        ),
        "image": "matches",
        "alt": ("Kotak korek api dan lemari tinggi yang terkunci", "A box of matches and a high, locked cupboard"),
        "topics": ["rumah"],
        "days": 26,
        "body": [
            (
                "do",
                ("Di rumah", "At home"),
                [
                    (
                        "Simpan korek api dan pemantik di tempat tinggi dan tertutup.",
                        "Keep matches and lighters high up and out of sight.",
                    ),
                    ("Ajarkan bahwa api adalah alat untuk orang dewasa.", "Teach that fire is a tool for adults."),
                    (
                        "Minta anak memberi tahu orang dewasa jika menemukan korek, dan puji mereka saat melakukannya.",
                        "Ask children to tell an adult when they find matches, and praise them when they do.",
                    ),
                ],
                [
                    ("Jangan menjadikan korek api sebagai mainan.", "Don't let matches or lighters become toys."),
                    (
                        "Jangan meninggalkan anak sendirian di rumah dengan kompor atau lilin menyala.",
                        "Don't leave children alone with a lit stove or candle.",
                    ),
                ],
            ),
            ("h", ("Yang perlu diajarkan kepada anak", "What to teach children")),
            (
                "steps",
                None,
                [
                    (
                        ("Berhenti, jatuhkan badan, berguling", "Stop, drop and roll"),
                        (
                            "Jika pakaian terbakar: berhenti, jatuhkan badan, tutup wajah, dan berguling sampai api padam.",
                            "If clothes catch fire: stop, drop to the ground, cover the face and roll until the flames are out.",
                        ),
                    ),
                    (
                        ("Merangkak di bawah asap", "Crawl under the smoke"),
                        ("Udara yang lebih bersih ada di dekat lantai.", "The cleaner air is near the floor."),
                    ),
                    (
                        ("Jangan bersembunyi", "Never hide"),
                        (
                            "Jangan bersembunyi di bawah tempat tidur atau di lemari; petugas harus bisa menemukanmu.",
                            "Don't hide under the bed or in a wardrobe: firefighters need to find you.",
                        ),
                    ),
                    (
                        ("Pergi ke titik kumpul", "Go to the meeting point"),
                        (
                            "Tunggu di titik kumpul keluarga dan jangan masuk lagi.",
                            "Wait at the family meeting point and never go back in.",
                        ),
                    ),
                    (
                        ("Hafalkan nomor 112", "Learn the number 112"),
                        (
                            "Latih anak menyebutkan nama, alamat, dan apa yang terjadi.",
                            "Practise giving their name, address and what is happening.",
                        ),
                    ),
                ],
            ),
            (
                "quote",
                (
                    "Anak-anak yang ikut simulasi di sekolah sering menjadi yang paling ingat apa yang harus dilakukan di rumah.",
                    "Children who take part in school drills are often the ones who best remember what to do at home.",
                ),
                ("Petugas sosialisasi Damkar Kota Jambi", "Damkar Kota Jambi outreach officer"),
            ),
        ],
    },
    {
        "slug": ("pasar-dan-ruko", "markets-and-shophouses"),
        "title": ("Keselamatan kebakaran di pasar dan ruko", "Fire safety in markets and shophouses"),
        "summary": (
            "Kebakaran pasar dan ruko cepat meluas karena barang bertumpuk, instalasi listrik seadanya, dan jalan keluar yang terkunci.",
            "Market and shophouse fires spread fast because of stacked goods, makeshift wiring and locked exits.",
        ),
        "image": "shophouses",
        "alt": (
            "Deretan ruko dengan pintu gulung dan APAR merah di dinding",
            "A row of shophouses with roller doors and a red extinguisher on the wall",
        ),
        "topics": ["gedung", "relawan"],
        "days": 29,
        "body": [
            (
                "p",
                (
                    "Banyak ruko dihuni di lantai atas dengan satu jalan keluar melalui pintu gulung. Jika api muncul di lantai bawah pada malam hari, penghuni bisa terjebak di balik teralis yang terkunci.",
                    "Many shophouses have people living upstairs with one way out, through the roller door. If a fire starts downstairs at night, they can be trapped behind locked window grilles.",
                ),
            ),
            (
                "do",
                ("Untuk pemilik ruko dan pedagang", "For shop owners and traders"),
                [
                    (
                        "Pasang teralis dengan pintu darurat yang bisa dibuka dari dalam.",
                        "Fit window grilles with an emergency opening that works from inside.",
                    ),
                    (
                        "Sediakan APAR di setiap kios atau lantai dan latih karyawan memakainya.",
                        "Keep an extinguisher in every stall or on every floor and train staff to use it.",
                    ),
                    ("Matikan listrik kios saat tutup.", "Switch off the stall's power when closing."),
                    (
                        "Bentuk regu pemadam pasar dan kenali hidran terdekat.",
                        "Set up a market fire team and know where the nearest hydrant is.",
                    ),
                ],
                [
                    (
                        "Jangan menumpuk barang di lorong, tangga, dan depan hidran.",
                        "Don't stack goods in aisles, stairways or in front of hydrants.",
                    ),
                    (
                        "Jangan menyambung kabel listrik antar-kios tanpa instalatir.",
                        "Don't run cables between stalls without an electrician.",
                    ),
                    (
                        "Jangan memarkir kendaraan yang menghalangi akses mobil pemadam.",
                        "Don't park where it blocks access for fire engines.",
                    ),
                ],
            ),
            (
                "warn",
                "info",
                ("Pemeriksaan proteksi kebakaran", "Fire protection inspections"),
                (
                    "Pemilik gedung dan tempat usaha dapat mengajukan pemeriksaan proteksi kebakaran ke Damkar Kota Jambi melalui portal ini.",
                    "Building and business owners can request a fire protection inspection from Damkar Kota Jambi through this portal.",
                ),
            ),
            (
                "faq",
                ("Pertanyaan yang sering diajukan", "Frequently asked questions"),
                [
                    (
                        ("Berapa banyak APAR yang dibutuhkan?", "How many extinguishers do we need?"),
                        (
                            "Sebagai pedoman umum, APAR harus mudah dijangkau dari mana pun di dalam gedung tanpa berjalan jauh. Petugas pemeriksaan kami dapat membantu menentukan jumlah dan penempatannya.",
                            "As a rule of thumb, an extinguisher should be within easy reach from anywhere in the building. Our inspectors can help decide how many you need and where.",
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": ("evakuasi-gedung-bertingkat", "high-rise-evacuation"),
        "title": ("Evakuasi dari gedung bertingkat", "Getting out of a high-rise building"),
        "summary": (
            "Di hotel, kantor, rumah sakit, dan apartemen, kenali dua jalan keluar dan jangan pernah memakai lift saat kebakaran.",
            "In hotels, offices, hospitals and flats, know two ways out and never use the lift in a fire.",
        ),
        "image": "high-rise",
        "alt": (
            "Gedung bertingkat, tangga darurat, dan rambu jalur evakuasi hijau",
            "A high-rise building, emergency stairs and a green exit sign",
        ),
        "topics": ["gedung"],
        "days": 32,
        "body": [
            (
                "steps",
                ("Saat alarm kebakaran berbunyi", "When the fire alarm sounds"),
                [
                    (
                        ("Tinggalkan barang, segera keluar", "Leave your things and go"),
                        ("Setiap detik penting.", "Every second counts."),
                    ),
                    (
                        ("Gunakan tangga darurat, bukan lift", "Use the stairs, not the lift"),
                        (
                            "Lift bisa berhenti di lantai yang terbakar atau macet karena listrik padam.",
                            "A lift can stop at the burning floor or stall when the power fails.",
                        ),
                    ),
                    (
                        ("Tutup pintu di belakang Anda", "Close doors behind you"),
                        ("Pintu tahan api menahan asap dan api.", "Fire doors hold back smoke and flames."),
                    ),
                    (
                        ("Berkumpul di titik kumpul", "Go to the assembly point"),
                        (
                            "Laporkan kepada petugas atau koordinator lantai.",
                            "Report to the warden or floor coordinator.",
                        ),
                    ),
                ],
            ),
            (
                "warn",
                "warning",
                ("Jika jalan keluar penuh asap", "If the way out is full of smoke"),
                (
                    "Tetap di dalam ruangan, tutup celah pintu dengan kain basah, beri tanda dari jendela, dan telepon 112 untuk memberi tahu lantai dan nomor ruangan Anda.",
                    "Stay in the room, seal the gaps around the door with wet cloth, signal from the window and call 112 to give your floor and room number.",
                ),
            ),
            (
                "do",
                ("Untuk pengelola gedung", "For building managers"),
                [
                    (
                        "Pastikan rambu jalur evakuasi dan lampu darurat menyala.",
                        "Make sure exit signs and emergency lights work.",
                    ),
                    (
                        "Adakan latihan evakuasi minimal setahun sekali.",
                        "Hold an evacuation drill at least once a year.",
                    ),
                    (
                        "Tunjuk koordinator lantai dan bantu penghuni berkebutuhan khusus.",
                        "Appoint floor wardens and plan help for people with disabilities.",
                    ),
                ],
                [
                    ("Jangan mengganjal pintu tahan api agar terbuka.", "Don't wedge fire doors open."),
                    ("Jangan menyimpan barang di tangga darurat.", "Don't store anything in the emergency stairs."),
                    (
                        "Jangan mengunci pintu keluar darurat saat gedung dipakai.",
                        "Don't lock emergency exits while the building is in use.",
                    ),
                ],
            ),
        ],
    },
]

CAMPAIGNS = [
    {
        "slug": ("kemarau-tanpa-asap", "smoke-free-dry-season"),
        "title": ("Kemarau Tanpa Asap", "A Smoke-Free Dry Season"),
        "key_message": (
            "Jangan bakar sampah dan lahan. Laporkan asap ke 112.",
            "Don't burn rubbish or land. Report smoke to 112.",
        ),
        "summary": (
            "Selama musim kemarau, Damkar Kota Jambi bersama kelurahan dan relawan REDKAR berpatroli dan mengajak warga berhenti membakar sampah dan lahan.",
            "Throughout the dry season, Damkar Kota Jambi, the kelurahan and REDKAR volunteers patrol and ask residents to stop burning rubbish and land.",
        ),
        "image": "land-fire",
        "alt": ("Lahan kering terbakar dengan rambu dilarang membakar", "Dry land burning next to a no-burning sign"),
        "cta_label": ("Baca panduannya", "Read the guidance"),
        "cta_article": "jangan-bakar-sampah-dan-lahan",
        "start": -30,
        "end": 75,
        "kecamatan": ["Kota Baru", "Alam Barajo", "Paal Merah", "Jambi Selatan"],
        "articles": ["jangan-bakar-sampah-dan-lahan", "cara-memakai-apar-pass"],
        "body": [
            ("h", ("Apa yang kami lakukan", "What we are doing")),
            (
                "p",
                (
                    "Patroli di lahan gambut dan lahan kosong, sosialisasi di RT dan sekolah, serta pemantauan titik panas bersama BPBD.",
                    "Patrols of peatland and empty plots, talks in neighbourhoods and schools, and hotspot monitoring with the disaster management agency (BPBD).",
                ),
            ),
        ],
    },
    {
        "slug": ("satu-rumah-satu-apar", "one-home-one-extinguisher"),
        "title": ("Satu Rumah Satu APAR", "One Home, One Extinguisher"),
        "key_message": (
            "Setiap rumah punya APAR, dan setiap orang tahu cara PASS.",
            "Every home has an extinguisher, and everyone knows PASS.",
        ),
        "summary": (
            "Simulasi pemadaman api dan pelatihan APAR gratis di setiap kecamatan, untuk warga, pengurus RT, dan pedagang pasar.",
            "Free fire drills and extinguisher training in every kecamatan, for residents, neighbourhood leaders and market traders.",
        ),
        "image": "apar",
        "alt": ("APAR merah menyemprot pangkal api kecil", "A red extinguisher spraying the base of a small fire"),
        "cta_label": ("Cara memakai APAR", "How to use an extinguisher"),
        "cta_article": "cara-memakai-apar-pass",
        "start": 20,
        "end": 110,
        "kecamatan": ["Telanaipura", "Pasar Jambi", "Jelutung"],
        "articles": ["cara-memakai-apar-pass", "pasar-dan-ruko", "kebakaran-dapur"],
        "body": [],
    },
]

ALERT = {
    "slug": ("larangan-membakar-musim-kemarau", "dry-season-burning-ban"),
    "title": (
        "Larangan membakar sampah dan lahan selama musim kemarau",
        "Ban on burning rubbish and land during the dry season",
    ),
    "event": ("Larangan membakar", "Burning ban"),
    "description": (
        "Cuaca kering dan angin kencang membuat api di lahan dan gambut mudah menjalar. Beberapa titik panas terpantau di pinggiran kota.",
        "Dry weather and strong winds make fires on land and peat spread easily. Several hotspots have been detected on the edge of the city.",
    ),
    "instruction": (
        "Jangan membakar sampah, daun, atau lahan dalam bentuk apa pun. Laporkan asap atau api ke 112 dengan lokasi dan patokan terdekat.",
        "Do not burn rubbish, leaves or land in any form. Report smoke or fire to 112 with the location and nearest landmark.",
    ),
    "area": (
        "Seluruh Kota Jambi, terutama lahan gambut dan lahan kosong",
        "All of Kota Jambi, especially peatland and empty plots",
    ),
    "kecamatan": ["Kota Baru", "Alam Barajo", "Paal Merah"],
    "days": 30,
}
