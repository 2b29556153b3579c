"""Common first names by gender, so that "she said" skips a man named just before.

A hint, never a rule on its own: a name missing here is simply of unknown gender, and the
article's own honorifics ("Mrs.", "Mr.") come first. The lists cover the first names most
often printed in English-language, European and Russian news.
"""

from __future__ import annotations

MALE_NAMES = frozenset(
    """Aaron Abdul Adam Adrian Ahmed Alan Albert Alberto Aleksandr Alexander Alexandre Alexei
    Alexey Ali Andre Andreas Andrei Andrew Andrey Andrzej Angelo Anthony Antoine Antonio
    Anton Arnold Arthur Barack Ben Benjamin Bernard Bernie Bill Bob Boris Brad Bradley Brendan
    Brian Bruce Bruno Carl Carlos Chad Charles Charlie Chris Christian Christopher Chuck Claude
    Craig Dan Daniel Danny Dave David Dean Dennis Dick Dimitri Dmitri Dmitry Dominic Don Donald
    Doug Douglas Duncan Dylan Ed Eddie Edward Emmanuel Enrico Eric Erik Ernst Evan Fabian Felix
    Fernando Francis Francisco Franck Frank Franz François Fred Frederick Gary Gavin Geoff
    Geoffrey George Georg Gerald Gerhard Giorgio Giuseppe Glen Glenn Gordon Greg Gregory Guido
    Guy Hans Harold Harry Heinrich Helmut Henri Henry Herbert Howard Hugh Hugo Ian Igor Ilya
    Isaac Ivan Jack Jacob Jacques Jake James Jamie Jan Jared Jason Javier Jay Jeb Jeff
    Jeffrey Jens Jeremy Jerry Jim Jimmy Joe Joel Johann John Johnny Jon Jonathan Jordi Jorge
    Jose José Joseph Josh Joshua Juan Julian Jürgen Karl Keith Ken Kenneth Kevin Klaus
    Konstantin Kurt Larry Lars Lawrence Lee Leo Leon Leonid Lindsey Louis Luc Luca Lucas
    Ludwig Luis Luke Marc Marcel Marco Marcus Mario Mark Martin Matt Matteo Matthew Matthias
    Max Maxim Michael Michel Miguel Mike Mikhail Mitch Mitt Mohammed Muhammad Nathan Neil Nick
    Nicholas Nicolas Nikita Nikolai Nikolay Noah Olaf Oleg Oliver Olivier Oscar Pablo Patrick
    Paul Pavel Pedro Peter Petr Petro Phil Philip Philippe Pierre Piotr Rafael Ralph Ramon
    Randy Ray Raymond Reince Ricardo Richard Rick Rob Robert Roberto Rod Roger Roland Roman
    Ron Ronald Rudy Rupert Russell Ryan Sam Samuel Scott Sean Sebastian Sergei Sergey Sergio
    Seth Simon Stanislav Stefan Stephen Steve Steven Stuart Ted Terry Thomas Tim Timothy Tobias
    Todd Tom Tommy Tony Viktor Victor Vincent Vitali Vladimir Vladislav Volodymyr Walter Wayne
    Werner Will William Wolfgang Xavier Yevgeny Yuri Zach Zbigniew""".split()
)
FEMALE_NAMES = frozenset(
    """Agnes Alice Alicia Alina Alison Alexandra Amanda Amber Amy Ana Anastasia Andrea Angela
    Angelina Anita Ann Anna Anne Annalena Annette Antonia Ashley Barbara Beata Betsy Beatrice
    Brigitte Camille Carla Carly Carmen Carol Caroline Catherine Cathy Cecile Cécile Charlotte
    Chelsea Christina Christine Claire Claudia Cynthia Dana Daniela Debbie Deborah Debra Denise
    Diana Diane Donna Doris Dorothy Elena Elisabeth Eliza Elizabeth Ellen Elsa Emily Emma
    Erica Eva Evelyn Federica Francesca Françoise Frederica Gabriela Gabrielle Geraldine
    Gina Giorgia Grace Greta Hannah Heather Heidi Helen Helena Hillary Hope Ilona Ingrid Irene
    Irina Isabel Isabella Isabelle Jacqueline Jane Janet Janice Jeanne Jennifer Jessica
    Jill Joan Joanna Jodi Joni Josephine Judith Judy Julia Julie Juliette Karen Karin
    Katarina Kate Katherine Kathleen Kathryn Kathy Katie Katrin Kay Kelly Kellyanne Kirsten
    Kristen Kristina Laura Lauren Leah Leonie Linda Lisa Liz Louise Lucy Ludmila Lyudmila
    Madeleine Maggie Maria Marie Marina Marine Marion Marisa Martha Martina Mary Megan Megyn
    Melania Melissa Mia Michele Michelle Monica Nadia Nadine Nancy Natalia Natalie Natalya
    Nicola Nicole Nikki Nina Olena Olga Paula Pauline Penny Rachel Rebecca Renate Rita Roberta
    Rosa Rose Ruth Sabine Sally Samantha Sandra Sara Sarah Segolene Ségolène Sharon Sheila
    Silvia Simone Sonia Sophia Sophie Stephanie Susan Susanne Suzanne Svetlana Sylvie Tamara
    Tatiana Tatyana Teresa Theresa Tina Tulsi Ursula Valentina Valerie Vanessa Vera Veronica
    Victoria Virginia Wendy Yulia Yuliya Zoe""".split()
)

#: Countries and a few regions that speak in news ("Ethiopia says", "Sudan said") but are
#: never "he" or "she".
PLACES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
    Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
    Botswana Brazil Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada Chad Chile China
    Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt
    Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
    Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran
    Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait
    Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
    Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova
    Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands
    Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru
    Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles
    Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan
    Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda
    Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Europe Africa
    Asia America Britain England Scotland Wales Kremlin Beijing Moscow Washington Brussels
    Tehran Ankara Kyiv Kiev Cairo Khartoum Tokyo Seoul Pyongyang Berlin Paris London Rome
    Madrid Warsaw Budapest Athens Damascus Baghdad Riyadh Delhi Islamabad Kabul Pretoria
    Nairobi Addis Abuja Canberra Ottawa Havana Caracas Brasilia Jerusalem Gaza Crimea Donbas
    Texas California Florida Iowa Ohio""".split()
)
