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
