import pytest

from safechron.chronology.identifiers import (
    nhs_number_is_valid,
    normalise_nhs_number,
    normalise_postcode,
    normalise_reference,
    postcode_is_valid,
)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("943 476 5919", "9434765919"),
        ("943-476-5919", "9434765919"),
        (" 9434765919\t", "9434765919"),
        ("943 476 591X", "943476591X"),
    ],
)
def test_nhs_number_loses_the_spaces_and_hyphens_people_type(text: str, digits: str) -> None:
    assert normalise_nhs_number(text) == digits


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "4010232137", "6541234566", "1234567881"])
def test_nhs_numbers_with_the_right_check_digit_are_valid(number: str) -> None:
    assert nhs_number_is_valid(number)


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("9434765918", "wrong check digit"),
        ("9434765910", "wrong check digit"),
        ("1000000010", "remainder 1 gives check digit 10, which no number has"),
        ("943476591", "nine digits"),
        ("94347659190", "eleven digits"),
        ("943476591X", "a letter"),
        ("９４３４７６５９１９", "full-width digits"),
        ("0000000000", "a placeholder of one repeated digit"),
        ("", "empty"),
    ],
)
def test_other_nhs_numbers_are_not_valid(number: str, why: str) -> None:
    assert not nhs_number_is_valid(number), why


@pytest.mark.parametrize(
    ("text", "normalised", "valid"),
    [
        ("fy1 3ab", "FY1 3AB", True),
        ("FY13AB", "FY1 3AB", True),
        ("  fy1   3ab ", "FY1 3AB", True),
        ("sw1a1aa", "SW1A 1AA", True),
        ("M1 1AE", "M1 1AE", True),
        ("fy1", "FY1", True),
        ("not known", "NOTKN OWN", False),
        ("12345", "12 345", False),
    ],
)
def test_postcodes_are_written_one_way_and_checked(text: str, normalised: str, valid: bool) -> None:
    assert normalise_postcode(text) == normalised
    assert postcode_is_valid(normalise_postcode(text)) is valid


def test_references_are_one_upper_case_token() -> None:
    assert normalise_reference(" a123 456 789012 ") == "A123456789012"
    assert normalise_reference("16/123456a") == "16/123456A"
