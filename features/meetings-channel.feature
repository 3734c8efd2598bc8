Feature: Channel Panel (Appendix 8)
  Who it protects: people referred to Channel because they may be vulnerable to being drawn into
  terrorism, whose cases are among the most sensitive the partnership handles.
  Why: Channel Panel members sign the declaration of Appendix 8 (1.6), acknowledging the Official
  Secrets Acts: nothing learnt may be passed on, or kept, without written sanction from the Chief
  Officer of Police.
  Clauses covered: Appendix 8 (A8), 1.6, 6.1, 7.3.

  @clause-A8 @clause-1.6 @clause-6.1 @fires
  Scenario: Sharing at the Channel Panel follows the Appendix 8 declaration
    Given Warwickshire Police propose to share a vulnerable adult's address with Warwickshire County Council
    And it is shared at a Channel Panel
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A8
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And a condition is to make sure every attendee has signed the Appendix 8 declaration
    And a condition says attendees sign the Official Secrets Act declaration, witnessed, before the briefing

  @clause-A8 @clause-7.3 @fires
  Scenario: What was said at the Channel Panel goes no further without the Chief Officer of Police
    Given Warwickshire County Council propose to share a vulnerable adult's address with Rugby Borough Council
    And the information was first shared at a Channel Panel
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A8
    And the reason cites clause 7.3
    And the officer must refer to the Chief Officer of Police
    And the officer is told that it must not leave the meeting without written sanction from the Chief Officer of Police

  @clause-A8 @does-not-fire
  Scenario: The same share outside the panel is not under its declaration
    Given Warwickshire Police propose to share a vulnerable adult's address with Warwickshire County Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A8 is not raised

  @clause-A8 @clause-7.3 @fires
  Scenario: The panel chair's agreement does not take the place of the Chief Officer of Police's sanction
    Given Warwickshire County Council propose to share a vulnerable adult's address with Rugby Borough Council
    And the information was first shared at a Channel Panel
    And the chair of that meeting agreed to it being shared outside the meeting
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A8
    And the reason cites clause 7.3
    And the officer must refer to the Chief Officer of Police
    And the officer is told that it is not the chair who decides
