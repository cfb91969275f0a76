"""Function words left out of story vectors, and place-hinting prepositions (data only)."""

from __future__ import annotations

_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own said same says she should so some such than
that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your new one two three after told
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week year years
mr mrs ms according people time per cent percent day days last first
der die das und ist nicht ein eine einer eines dem den des mit von zu im auf für fur bei nach wie
auch als wurde wurden sind hat haben aus sich es am um oder noch
le la les un une des du de et est en au aux dans pour par sur avec qui que ne pas plus il elle ont
el los las y es del al por con para una uno su se lo como mas fue han
i w z na do to jest nie sie się że ze od po jak o za ich oraz przez był była było
і в у з на до що не це як та від за по про його її він вона було були також але або
и в с на по что не это как от за из о его ее он она было были также но или к для
"""
STOPWORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

#: Words after which a capitalised word is likely a place (en, de, fr, es, pl, uk, ru).
_PREP_TEXT = (
    "in near at outside from bei nahe aus en près pres à a cerca w pod koło kolo z u в у під біля поблизу под около возле"
)
PLACE_PREPOSITIONS: frozenset[str] = frozenset(_PREP_TEXT.split())
